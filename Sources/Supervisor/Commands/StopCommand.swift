import Foundation
import SupervisorPlatform
import SafeText
import ProcessProbe

/// `invoker-supervisor stop`: ends the session — the configured graceful stop, a bounded wait,
/// then the invoker's whole tree is stopped; takes the `post-stop` snapshot and writes the ordered
/// summary of the session. Idempotent.
package enum StopCommand {
    package static let spec = SubcommandSpec("stop", synopsis: "stop [--config FILE] [--results-dir DIR] [--summary FILE]",
        summary: "Stop the session's invoker tree (the graceful stop hook first) and write the session's summary;\nsafe to repeat.",
        options: [.config(), .resultsDir, .summary])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        try stopSession(resultsDir: options.resultsDir, config: options.config, environment: environment,
                        summary: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }

    /// Stops the session in `resultsDir` (nothing when there is none or it is stopped already) and
    /// appends its summary to `summary`. Returns whether a session was stopped.
    @discardableResult
    package static func stopSession(resultsDir: String, config: SupervisorConfig?, environment: [String: String],
                            summary: String?) throws -> Bool {
        let folder = try InvokerFolder.open(resultsDir: resultsDir, mirror: Console.out)
        let grace = config?.stopGraceSeconds ?? 5
        // The lock is held for the whole stop, so no step starts against an invoker being stopped.
        let stopped: SessionFile? = try folder.store.update { session in
            guard session != nil else {
                Console.out("no session in \(LogText.escaped(folder.path)); nothing to stop")
                return nil
            }
            var lifecycle = try SessionStore.observedLifecycle(&session)
            guard var current = session, lifecycle.stop() == .stopInvoker else {
                Console.out("session already stopped at \(LogText.escaped(session?.stoppedAt ?? "an earlier stop"))")
                return nil
            }
            if let invoker = current.invoker, !livingMembers(of: invoker.tree).isEmpty {
                if let hook = config?.stopHook {
                    runStopHook(hook, environment: environment, bootLog: folder.bootLog)
                    waitForTree(invoker.tree, seconds: grace)
                }
                let report = stopProcessTree(invoker.tree, grace: grace)
                folder.bootLog.write(.invokerStopped(pid: invoker.pid, report))
            } else {
                folder.bootLog.write(.invokerAlreadyGone(pid: current.invoker?.pid))
            }
            folder.snapshotter(watch: config?.watch ?? ProcessProbe.defaultWatch).take("post-stop")
            current.lifecycle = lifecycle
            // The session's steps and snapshot phases, appended to their logs as they ran, go into session.json once.
            current = StepLog(folder: folder.path).merged(into: current)
            current.snapshots = SnapshotLog.read(folder.snapshots.path, since: current.openedAt).map(\.phase)
            current.stoppedAt = Timestamp.iso8601(Date())
            session = current
            return current
        }
        guard let stopped else { return false }
        OutputDestinations.appendSummary(SummaryBuilder.forSession(stopped, resultsDir: resultsDir, environment: environment), to: summary)
        return true
    }

    private static func runStopHook(_ hook: StopHook, environment: [String: String], bootLog: BootLog) {
        switch hook {
        case .deleteFile(let path):
            do {
                try FileManager.default.removeItem(atPath: path)
                bootLog.write(.stopHookDeleted(path: path))
            } catch {
                bootLog.write(.stopHookDeleteFailed(path: path, reason: error.localizedDescription))
            }
        case .command(let command):
            do {
                let child = try Launcher(environment: environment).spawn(command, stdout: .inherit, stderr: .inherit, domain: .tree)
                bootLog.write(.stopHookStarted(pid: child.pid, command: command.arguments))
                let exit = child.waitForExit(timeout: 30)
                bootLog.write(.stopHookEnded(exit, waitedSeconds: 30))
            } catch {
                bootLog.write(.stopHookSpawnError(error.message))
            }
        }
    }

    private static func waitForTree(_ tree: ProcessTreeID, seconds: Double) {
        _ = Polling.until(within: seconds, every: 0.05) { livingMembers(of: tree).isEmpty }
    }
}
