import SupervisorPlatform

/// Every line boot.log can hold, one case per phrase (docs/boot-log.md). The phrases live here
/// and nowhere else; `BootLog.write(_:)` stamps and escapes them.
package enum BootLogEvent: Equatable {
    // The run
    case supervisorStart(version: String, pid: Int32, config: String, settings: BootSettings, readyVia: String, containment: String)
    /// A line from the boot history: `adaptive timeout: …`, `escalated: …`, `escalation unavailable: …`.
    case bootHistory(String)
    case internalError(String)
    case finished(Outcome, exitCode: Int32)

    // Attempts
    case staleReadyFileRemoved(attempt: Int, path: String)
    case readyPathNotRegular(attempt: Int, kind: FileKind, path: String)
    case staleReadyFileNotRemoved(attempt: Int, reason: String)
    case readyPortAlreadyOpen(attempt: Int, host: String, port: UInt16)
    case attemptSpawned(attempt: Int, pid: Int32, command: [String])
    case readySignalled(attempt: Int, via: String, elapsed: String)
    case readyObserved(attempt: Int, elapsed: String, via: String, handshake: Bool)
    case attemptFailed(attempt: Int, AttemptFailure, retryInSeconds: Double?)
    case attemptStopped(attempt: Int, pid: Int32, TreeStopReport)
    case allAttemptsExhausted(lastError: AttemptFailure)

    // After READY
    case warmupStarted(pid: Int32, command: [String])
    case warmupEnded(WarmupResult)
    case warmupSkipped(SkipReason)
    case invokerExitedAfterReady(ProcessExit)
    case stepStarted(name: String, pid: Int32, command: [String])
    /// A step that could not be started still gets its start line (then `stepSpawnError`, `stepEnded`).
    case stepStartFailed(name: String)
    case stepSpawnError(name: String, message: String)
    case stepEnded(name: String, exitCode: Int32, seconds: Double)
    case stepSkipped(name: String, SkipReason)
    case stepStopped(name: String, pid: Int32, TreeStopReport)
    case invokerStopped(pid: Int32, TreeStopReport)
    case invokerKept(pid: Int32)
    case cancelled(CancelSignal)
    case treeStopped(pid: Int32, TreeStopReport)
    case snapshot(ProcessSnapshot)

    // Sessions
    case invokerAlreadyGone(pid: Int32?)
    case leftoverInvokerStopped(pid: Int32, TreeStopReport)
    case sessionNotUpdated(String)
    case bootDeadlineReached(seconds: Double)
    case stopHookDeleted(path: String)
    case stopHookDeleteFailed(path: String, reason: String)
    case stopHookStarted(pid: Int32, command: [String])
    case stopHookEnded(ProcessExit?, waitedSeconds: Double)
    case stopHookSpawnError(String)

    // Runner hooks
    case hookJobStarted(run: String, job: String, deadline: Double)
    case hookDaemonReady(daemonPID: Int32, invokerPID: Int32)
    case hookDaemonNotReady(daemonPID: Int32, state: String)
    case hookStopsEarlierJob(folder: String)
    case hookJobCompleted(run: String, job: String)
    case hookJobCompletedSummary(leftBehind: Int, staleSessionsRemoved: Int)

    // The daemon
    case daemonStart(pid: Int32, config: String, stateDir: String)
    case daemonBoot(generation: Int)
    case daemonInvokerReady(pid: Int32, generation: Int)
    case daemonInvokerLost(reason: String, restart: Int, delaySeconds: Double)
    case daemonFatal(reason: String)
    case daemonStopped
    case daemonStatusNotWritten(path: String, error: String)
    case staleDaemonInvokerStopped(pid: Int32, TreeStopReport)
    case staleDaemonInvokerIsAnotherProcess(pid: Int32)

    /// The line's text, before the timestamp.
    package var text: String {
        switch self {
        case .supervisorStart(let version, let pid, let config, let settings, let via, let containment):
            return "supervisor start version=\(version) pid=\(pid) config=\(config) attempts=\(settings.attempts) "
                + "delay=\(Seconds.format(settings.delaySeconds)) to=\(Seconds.format(settings.timeoutSeconds)) ready=\(via) containment=\(containment)"
        case .bootHistory(let note): return note
        case .internalError(let detail): return "internal error: \(detail)"
        case .finished(let outcome, let code): return "finished outcome=\(outcome.name) exit=\(code)"
        case .staleReadyFileRemoved(let n, let path): return "attempt#\(n) removed stale ready file \(path)"
        case .readyPathNotRegular(let n, let kind, let path):
            return "attempt#\(n) ready file path is \(kind.description), not removed; it never counts as READY path=\(path)"
        case .staleReadyFileNotRemoved(let n, let reason):
            return "attempt#\(n) stale ready file not removed: \(reason); READY counts only from a file written after the spawn"
        case .readyPortAlreadyOpen(let n, let host, let port):
            return "attempt#\(n) ready port \(host):\(port) already accepts before the spawn (a leftover process?); READY counts only after it has closed"
        case .attemptSpawned(let n, let pid, let command): return "attempt#\(n) spawn pid=\(pid) cmd=\(BootLog.quote(command))"
        case .readySignalled(let n, let via, let elapsed): return "attempt#\(n) ready signal via=\(via) elapsed=\(elapsed); handshake start"
        case .readyObserved(let n, let elapsed, let via, let handshake):
            return "attempt#\(n) ready observed elapsed=\(elapsed) via=\(via)" + (handshake ? " handshake=ok" : "")
        case .attemptFailed(let n, let failure, let retry):
            let retryText = retry.map { "; retrying in \(Seconds.format($0)) s" } ?? ""
            switch failure {
            case .timedOut(let seconds): return "attempt#\(n) timed out after \(Seconds.format(seconds)) s\(retryText)"
            case .exitedEarly(let exit): return "attempt#\(n) exited early \(exit)\(retryText)"
            case .spawnError(let message): return "attempt#\(n) spawn error: \(message)\(retryText)"
            case .handshakeFailed(let detail): return "attempt#\(n) handshake failed: \(detail)\(retryText)"
            }
        case .attemptStopped(let n, let pid, let report): return "attempt#\(n) stopped pid=\(pid) \(report.logFields)"
        case .allAttemptsExhausted(let failure): return "all attempts exhausted; lastError=\(failure)"
        case .warmupStarted(let pid, let command): return "warmup start pid=\(pid) cmd=\(BootLog.quote(command))"
        case .warmupEnded(let result): return "warmup \(result.logText)"
        case .warmupSkipped(let reason): return "warmup skipped reason=\(reason.rawValue)"
        case .invokerExitedAfterReady(let exit): return "invoker exited after ready \(exit)"
        case .stepStarted(let name, let pid, let command): return "step \(name) start pid=\(pid) cmd=\(BootLog.quote(command))"
        case .stepStartFailed(let name): return "step \(name) start"
        case .stepSpawnError(let name, let message): return "step \(name) spawn error: \(message)"
        case .stepEnded(let name, let code, let seconds): return "step \(name) end exit=\(code) duration=\(Seconds.format(seconds))"
        case .stepSkipped(let name, let reason): return "step \(name) skipped reason=\(reason.rawValue)"
        case .stepStopped(let name, let pid, let report): return "step \(name) stopped pid=\(pid) \(report.logFields)"
        case .invokerStopped(let pid, let report): return "invoker stopped pid=\(pid) \(report.logFields)"
        case .invokerKept(let pid): return "invoker kept running pid=\(pid)"
        case .cancelled(let signal): return "cancelled signal=\(signal.name)"
        case .treeStopped(let pid, let report): return "stopped pid=\(pid) \(report.logFields)"
        case .snapshot(let snapshot):
            var line = "snapshot phase=\(snapshot.phase) " + snapshot.counts.map { "\($0.name)=\($0.count)" }.joined(separator: " ")
            if !snapshot.appeared.isEmpty { line += " appeared=" + snapshot.appeared.map { String($0.pid) }.joined(separator: ",") }
            if !snapshot.gone.isEmpty { line += " gone=" + snapshot.gone.map { String($0.pid) }.joined(separator: ",") }
            return line
        case .invokerAlreadyGone(let pid): return "invoker already gone" + (pid.map { " pid=\($0)" } ?? "")
        case .leftoverInvokerStopped(let pid, let report): return "leftover invoker of an earlier session stopped pid=\(pid) \(report.logFields)"
        case .sessionNotUpdated(let error): return "session.json not updated with the invoker: \(error)"
        case .bootDeadlineReached(let seconds): return "deadline of \(Seconds.format(seconds)) s reached; cancelling the boot"
        case .stopHookDeleted(let path): return "stop hook deleted \(path)"
        case .stopHookDeleteFailed(let path, let reason): return "stop hook could not delete \(path): \(reason)"
        case .stopHookStarted(let pid, let command): return "stop hook start pid=\(pid) cmd=\(BootLog.quote(command))"
        case .stopHookEnded(let exit, let waited): return "stop hook end " + (exit.map { "\($0)" } ?? "still running after \(Seconds.format(waited)) s")
        case .stopHookSpawnError(let message): return "stop hook spawn error: \(message)"
        case .hookJobStarted(let run, let job, let deadline): return "hook job-started run=\(run) job=\(job) deadline=\(Seconds.format(deadline))"
        case .hookDaemonReady(let daemon, let invoker): return "hook daemon pid=\(daemon) invoker ready pid=\(invoker)"
        case .hookDaemonNotReady(let daemon, let state): return "hook daemon pid=\(daemon) not ready state=\(state)"
        case .hookStopsEarlierJob(let folder): return "hook job-started stops the session of an earlier job in \(folder)"
        case .hookJobCompleted(let run, let job): return "hook job-completed run=\(run) job=\(job)"
        case .hookJobCompletedSummary(let left, let removed): return "hook job-completed left-behind=\(left) stale-sessions-removed=\(removed)"
        case .daemonStart(let pid, let config, let stateDir): return "daemon start pid=\(pid) config=\(config) state=\(stateDir)"
        case .daemonBoot(let generation): return "daemon boot generation=\(generation)"
        case .daemonInvokerReady(let pid, let generation): return "daemon invoker ready pid=\(pid) generation=\(generation)"
        case .daemonInvokerLost(let reason, let restart, let delay):
            return "daemon invoker lost: \(reason); restart #\(restart) in \(Seconds.format(delay)) s"
        case .daemonFatal(let reason):
            return "daemon fatal: \(reason); the daemon stays up without an invoker (see 'invoker-supervisor status --daemon')"
        case .daemonStopped: return "daemon stopped"
        case .daemonStatusNotWritten(let path, let error): return "daemon cannot write \(path): \(error)"
        case .staleDaemonInvokerStopped(let pid, let report): return "stale invoker from a previous daemon stopped pid=\(pid) \(report.logFields)"
        case .staleDaemonInvokerIsAnotherProcess(let pid):
            return "recorded invoker pid=\(pid) is another process now (start time differs); left alone"
        }
    }
}

extension Outcome {
    /// How `finished outcome=` names it.
    package var name: String {
        switch self {
        case .succeeded: "succeeded"
        case .stepFailed: "step_failed"
        case .notReady: "not_ready"
        case .cancelled: "cancelled"
        }
    }
}
