import SupervisorPlatform

/// Runs the configured handshake once and says whether the invoker answered (blocking).
/// Used to confirm READY and, by the daemon, as its health check.
package enum HandshakeRunner {
    /// `(true, detail)` when it passed in time; the detail is for boot.log.
    package static func check(_ spec: HandshakeSpec, launcher: Launcher, logFolder: String, grace: Double,
                      started: (ChildProcess) -> Void = { _ in }) -> (passed: Bool, detail: String) {
        let begin = MonotonicClock.now()
        switch spec.check {
        case .fileQueuePing(let folder):
            switch FileQueuePing.ping(folder: folder, timeout: spec.timeoutSeconds) {
            case .success(let pong): return (true, "pong=\(pong) duration=\(MonotonicClock.secondsText(since: begin))")
            case .failure(let failure): return (false, failure.reason)
            }
        case .command(let command):
            let log = logFolder + "/handshake.log"
            do {
                let child = try launcher.spawn(command, stdout: .file(log), stderr: .file(log), domain: .tree)
                started(child)
                guard let exit = child.waitForExit(timeout: spec.timeoutSeconds) else {
                    _ = child.stopTree(grace: grace)
                    return (false, "no answer within \(Seconds.format(spec.timeoutSeconds)) s")
                }
                return (exit == .exited(code: 0), "\(exit) duration=\(MonotonicClock.secondsText(since: begin))")
            } catch {
                return (false, "spawn error: \(error.message)")
            }
        }
    }
}
