import Foundation
import SupervisorPlatform
import ProcessProbe
import SafeText

/// `invoker-supervisor daemon --config F [--state-dir D]`: keeps the invoker alive on a runner host
/// between jobs (docs/daemon.md).
package enum DaemonCommand {
    package static let spec = SubcommandSpec("daemon", synopsis: "daemon --config FILE [--state-dir DIR] [--service]",
        summary: "Keep the invoker alive between jobs: restart with backoff, health checks, give up into 'fatal';\n'status --daemon' reports it (docs/daemon.md).",
        options: [.config(required: true), .stateDir,
                  OptionSpec("--service", .flag, "run under the Windows Service Control Manager")])

    /// The Windows service name `Install-InvokerSupervisor.ps1` registers.
    package static let serviceName = "InvokerSupervisor"

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let path = try values.required("--config")
        var config = try ConfigLoader.load(path: path)
        let stateDir = StateFolder.resolve(values, config: config, environment: environment)
        // One daemon per state folder: the lock is held for the daemon's whole life (and released
        // by the system if it dies), whatever the status file says.
        try FileSystem.makeDirectories(stateDir)
        guard let lock = try FileLock(path: stateDir + "/daemon.lock", wait: false) else {
            throw DaemonRefusal.alreadyRunning(pid: DaemonStatus.load(stateDir: stateDir)?.daemon.pid, stateDir: stateDir)
        }
        defer { lock.release() }
        // The daemon's files live in its state folder, rotated by size.
        config.resultsDir = stateDir + "/daemon"
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir,
                                            rotation: .init(maxBytes: config.daemon.logMaxBytes, keep: config.daemon.logKeep),
                                            mirror: Console.out)
        let pid = ProcessInfo.processInfo.processIdentifier
        let me = ProcessProbe.record(pid: pid).map(SessionFile.Process.init) ?? SessionFile.Process(pid: pid, startTime: "")
        let runner = DaemonRunner(config: config, stateDir: stateDir, environment: environment, folder: folder, me: me)
        guard values.flag("--service") else { return runner.run() }
        return ServiceHost.run(name: serviceName, body: runner.run, stop: runner.requestStop)
    }

    /// `status --daemon`: the status file, with the daemon's and the invoker's PID + start time checked.
    package static func status(_ values: ParsedOptions, environment: [String: String], json: Bool) throws -> Int32 {
        let config = try values["--config"].map { path throws(ConfigError) in try ConfigLoader.load(path: path) }
        let stateDir = StateFolder.resolve(values, config: config, environment: environment)
        guard let status = DaemonStatus.load(stateDir: stateDir) else {
            Console.out(json ? #"{"state":"absent"}"# : "daemon: no status in \(LogText.escaped(stateDir))")
            return ExitCode.daemonNotRunning
        }
        let daemonAlive = status.daemon.isAlive
        let invokerAlive = status.invoker.map(\.isAlive)
        let code = daemonAlive && status.state != .stopped ? ExitCode.success : ExitCode.daemonNotRunning
        if json {
            Console.out(StatusCommand.jsonLine(status, adding: [("daemonAlive", daemonAlive), ("invokerAlive", invokerAlive)]))
            return code
        }
        var lines: [String] = []
        if daemonAlive || status.state == .stopped {
            lines.append("daemon: \(status.state.rawValue) since \(status.since), pid \(status.daemon.pid)" + (daemonAlive ? " alive" : ""))
        } else {
            lines.append("daemon: not running (pid \(status.daemon.pid) is gone; its last status was \(status.state.rawValue) at \(status.updatedAt))")
        }
        if let invoker = status.invoker {
            lines.append("invoker: pid \(invoker.pid) started \(invoker.startTime), " + (invokerAlive == true ? "alive" : "not running"))
        }
        lines.append("restarts: \(status.restarts), consecutive failures: \(status.consecutiveFailures)"
                     + (status.lastError.map { ", last error: \(LogText.escaped($0))" } ?? ""))
        if let next = status.nextRetryAt { lines.append("next retry: \(next)") }
        lines.forEach(Console.out)
        return code
    }
}

/// A second daemon on the same state folder.
package enum DaemonRefusal: Error, Equatable, CustomStringConvertible {
    case alreadyRunning(pid: Int32?, stateDir: String)

    package var description: String {
        switch self {
        case .alreadyRunning(let pid, let stateDir):
            return "a daemon already runs with state folder \(LogText.escaped(stateDir)) (it holds daemon.lock\(pid.map { ", PID \($0)" } ?? "")); stop it first or use another --state-dir."
        }
    }
}
