import Foundation
import SupervisorPlatform

/// `compare-outcome/v1`: what the compare found, read from the newest compare-exec.json, or
/// exactly why there is no result (docs/compare-outcome.md).
package struct CompareOutcome: Equatable {
    package enum Status: String { case ok, missing, error }

    package static let schema = "compare-outcome/v1"

    package var status: Status
    /// One of `no_exec_json`, `no_cli`, `missing_vi`, `invoker_not_ready`, `skipped`, when one applies.
    package var reason: String?
    package var file: String?
    package var diff: Bool?
    package var exitCode: Int?
    package var durationMs: Double?
    package var cliPath: String?
    package var command: String?
    package var base: String?
    package var head: String?
    package var error: String?

    /// What the session or run knew about the compare when no compare-exec.json was found.
    package enum Expectation {
        case invokerNotReady
        case skippedByPolicy
        case expected
    }

    /// The outcome when nothing was found.
    package static func missing(_ expectation: Expectation) -> CompareOutcome {
        let reason: String
        switch expectation {
        case .invokerNotReady: reason = "invoker_not_ready"
        case .skippedByPolicy: reason = "skipped"
        case .expected: reason = "no_exec_json"
        }
        return CompareOutcome(status: .missing, reason: reason)
    }

    /// The outcome of a found compare-exec.json. LVCompare's exit code 0 is no diff, 1 a diff,
    /// anything else an error, whose reason is looked for on this machine (`exists`).
    package static func read(file: String, data: Data, exists: (String) -> Bool) -> CompareOutcome {
        var outcome = CompareOutcome(status: .error, file: file)
        guard let value = try? JSONSerialization.jsonObject(with: data), let exec = value as? [String: Any] else {
            outcome.error = "not valid JSON"
            return outcome
        }
        outcome.cliPath = exec["cliPath"] as? String
        outcome.command = exec["command"] as? String
        outcome.base = exec["base"] as? String
        outcome.head = exec["head"] as? String
        let violations = (try? SchemaLite.validate(exec, against: (try? EmbeddedSchemas.load("compare-exec")) ?? [:], strict: true)) ?? []
        guard violations.isEmpty else {
            outcome.error = "compare-exec/v1 violations: " + violations.map { "\($0.pointer.isEmpty ? "/" : $0.pointer): \($0.message)" }.joined(separator: "; ")
            return outcome
        }
        let code = (exec["exitCode"] as? NSNumber)?.intValue ?? -1
        outcome.exitCode = code
        outcome.durationMs = ((exec["duration_s"] as? NSNumber)?.doubleValue).map { ($0 * 1000).rounded() }
        if code == 0 || code == 1 {
            outcome.status = .ok
            outcome.diff = code == 1
            return outcome
        }
        outcome.error = "Compare CLI failed with exit code \(code)"
        let folder = exec["cwd"] as? String ?? ""
        let resolve = { (path: String) in path.hasPrefix("/") || path.contains(":") ? path : folder + "/" + path }
        if code == 127 || code == 9009 || !(outcome.cliPath.map(exists) ?? false) {
            outcome.reason = "no_cli"
        } else if [outcome.base, outcome.head].contains(where: { $0.map { !exists(resolve($0)) } ?? true }) {
            outcome.reason = "missing_vi"
        }
        return outcome
    }

    /// The newest `compare-exec.json` under `folder` (by modification time, then path), if any.
    package static func newestExec(under folder: String) -> String? {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return nil }
        var best: (path: String, modified: Date)?
        while let relative = walker.nextObject() as? String {
            guard (relative as NSString).lastPathComponent == "compare-exec.json" else { continue }
            let path = folder + "/" + relative
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            if let current = best, (current.modified, current.path) >= (modified, path) { continue }
            best = (path, modified)
        }
        return best?.path
    }

    package func json(at date: Date) -> OrderedJSON {
        func text(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }
        var fields: [(String, OrderedJSON)] = [
            ("schema", .string(Self.schema)), ("generatedAtUtc", .string(Timestamp.iso8601(date))), ("status", .string(status.rawValue)),
        ]
        if let reason { fields.append(("reason", .string(reason))) }
        fields += [
            ("file", text(file)), ("diff", diff.map(OrderedJSON.bool) ?? .null),
            ("exitCode", exitCode.map { .integer(Int64($0)) } ?? .null), ("durationMs", durationMs.map(OrderedJSON.number) ?? .null),
            ("cliPath", text(cliPath)), ("command", text(command)), ("base", text(base)), ("head", text(head)),
        ]
        if let error { fields.append(("error", .string(error))) }
        return .object(fields)
    }

    /// The `### Compare Outcome` block.
    package var markdown: String {
        var lines = ["### Compare Outcome", ""]
        if status == .missing {
            lines.append("no compare-exec.json")
            lines.append("- reason: \(reason ?? "no_exec_json")")
            return lines.joined(separator: "\n") + "\n\n"
        }
        func show(_ value: Any?) -> String { value.map { "\($0)" } ?? "—" }
        lines += ["- file: \(show(file))", "- diff: \(show(diff))", "- exitCode: \(show(exitCode))",
                  "- durationMs: \(durationMs.map(Seconds.format) ?? "—")", "- cliPath: \(show(cliPath))", "- command: \(show(command))"]
        if status == .error {
            lines.append("- status: error — \(error ?? "unknown error")")
            if let reason { lines.append("- reason: \(reason)") }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
