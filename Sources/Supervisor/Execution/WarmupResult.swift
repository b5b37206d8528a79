import SupervisorPlatform
import SafeText

/// How the warmup ended (from the sequence's point of view; a warmup may be left running).
package enum WarmupResult: Equatable, Sendable {
    /// The warmup command exited.
    case exited(ProcessExit, seconds: Double)
    /// The awaited process appeared; the warmup command is left running if it still is.
    case sawProcess(name: String, pid: Int32, seconds: Double, warmupRunning: Bool)
    /// The timeout passed with the warmup still running; it is left running.
    case leftRunning(pid: Int32, seconds: Double)
    /// The awaited process was already running, so the warmup was not started.
    case alreadyRunning(name: String, pids: [Int32])
    /// The warmup command could not be started.
    case spawnFailed(String)

    /// The boot.log text after `warmup `.
    package var logText: String {
        switch self {
        case .exited(let exit, let seconds):
            return "exited \(exit) duration=\(Seconds.format(seconds))"
        case .sawProcess(let name, let pid, let seconds, let running):
            return "saw \(name) pid=\(pid) after=\(Seconds.format(seconds))" + (running ? "; warmup left running" : "")
        case .leftRunning(let pid, let seconds):
            return "left running pid=\(pid) after timeout=\(Seconds.format(seconds))"
        case .alreadyRunning(let name, let pids):
            return "skipped: \(name) already running pids=\(pids.map(String.init).joined(separator: ","))"
        case .spawnFailed(let message):
            return "spawn error: \(message)"
        }
    }

    /// The summary's plain-words account; the process name and the spawn error are inert inline
    /// code (`MarkdownText`).
    package var summaryText: String {
        switch self {
        case .exited(let exit, let seconds):
            return "exited (\(exit)) after \(Seconds.format(seconds)) s"
        case .sawProcess(let name, let pid, let seconds, let running):
            return "\(MarkdownText.code(name)) started (PID \(pid)) after \(Seconds.format(seconds)) s" + (running ? "; warmup left running (by design)" : "")
        case .leftRunning(let pid, let seconds):
            return "still running after \(Seconds.format(seconds)) s; left running (PID \(pid))"
        case .alreadyRunning(let name, let pids):
            return "not started: \(MarkdownText.code(name)) already running (PID \(pids.map(String.init).joined(separator: ", ")))"
        case .spawnFailed(let message):
            return "could not start (\(MarkdownText.code(message))); the steps ran without it"
        }
    }
}
