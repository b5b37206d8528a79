import Foundation
import SupervisorPlatform
import SafeText

/// `invoker-supervisor status`: the session's state, told truthfully — a READY invoker that has
/// died is reported (and saved) as `invokerExited`, checked by PID and start time.
package enum StatusCommand {
    package static let spec = SubcommandSpec("status", synopsis: "status [--json] [--daemon] [--config FILE] [--results-dir DIR | --state-dir DIR]",
        summary: "Show the session (state, invoker PID and start time, alive or not, attempts), or with --daemon\nthe daemon's status; 'status --daemon' exits 3 when no daemon runs.",
        options: [.json, OptionSpec("--daemon", .flag, "the daemon's status instead of the session's"), .config(), .resultsDir, .stateDir])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        if values.flag("--daemon") {
            return try DaemonCommand.status(values, environment: environment, json: values.flag("--json"))
        }
        let options = try SessionOptions(values, environment: environment)
        let store = SessionStore(folder: options.resultsDir + "/_invoker")
        guard FileManager.default.fileExists(atPath: store.path) else {
            Console.out(values.flag("--json") ? #"{"state":"absent"}"# : "session: none in \(LogText.escaped(store.folder))")
            return ExitCode.success
        }
        let session = try store.update { session -> SessionFile? in
            _ = try SessionStore.observedLifecycle(&session)
            return session
        }
        guard let session = session.map(StepLog(folder: store.folder).merged(into:)) else { return ExitCode.success }
        let alive = session.invoker.map(\.isAlive)
        Console.out(values.flag("--json") ? json(session, invokerAlive: alive) : text(session, invokerAlive: alive))
        return ExitCode.success
    }

    package static func text(_ session: SessionFile, invokerAlive: Bool?) -> String {
        var lines = ["session: \(session.state.rawValue)" + (session.warm ? " (warm)" : "") + (session.reason.map { ", reason \($0)" } ?? "")]
        if let invoker = session.invoker {
            lines.append("invoker: pid \(invoker.pid) started \(invoker.startTime), " + (invokerAlive == true ? "alive" : "not running"))
        }
        lines.append("attempts: \(session.attempts)" + (session.elapsedMs.map { ", boot took \(Seconds.format(Double($0) / 1000)) s" } ?? "")
                     + (session.readyAt.map { ", READY at \($0)" } ?? ""))
        if let warmup = session.warmup { lines.append("warmup: \(warmup)") }
        for step in session.steps {
            lines.append("step \(step.name): " + (step.skipped.map { "skipped (\($0))" }
                ?? "exit \(step.exitCode.map(String.init) ?? "?") in \(Seconds.format(Double(step.durationMs ?? 0) / 1000)) s"))
        }
        if let stopped = session.stoppedAt { lines.append("stopped: \(stopped)") }
        return lines.joined(separator: "\n")
    }

    package static func json(_ session: SessionFile, invokerAlive: Bool?) -> String {
        jsonLine(session, adding: [("invokerAlive", invokerAlive)])
    }

    /// A status file as one JSON line (sorted keys) with the liveness checks made now added to it.
    package static func jsonLine<Value: Encodable>(_ value: Value, adding checks: [(String, Bool?)]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let added = checks.map { #","\#($0.0)":\#($0.1.map { $0 ? "true" : "false" } ?? "null")"# }.joined()
        return String(body.dropLast()) + added + "}"
    }
}
