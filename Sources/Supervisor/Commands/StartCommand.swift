import Foundation
import SupervisorPlatform
import ProcessProbe

/// `invoker-supervisor start`: opens a workflow session — boots the invoker detached (it outlives
/// this step), waits for READY, runs the warmup when configured, and saves the session.
package enum StartCommand {
    package static let spec = SubcommandSpec("start", synopsis: "start --config FILE [options]",
        summary: "Open a workflow session: start the invoker detached, wait for READY, warm up (docs/session.md).",
        options: BootOptions.options)

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        var config = try BootOptions.config(values)
        let history = BootOptions.history(values, &config, environment: environment)
        return try open(config: config, history: history, destinations: OutputDestinations.runDestinations(values, environment),
                        environment: environment).exitCode
    }

    /// Opens the session and boots; with a `deadline` (seconds), a boot still going then is
    /// cancelled (the runner hook's own time limit). Returns the boot's report.
    package static func open(config: SupervisorConfig, history: BootHistory?, destinations: RunExecutor.Destinations,
                     environment: [String: String], deadline: Double? = nil) throws -> RunExecutor.Report {
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        let me = ProcessInfo.processInfo.processIdentifier
        let owner = ProcessProbe.record(pid: me).map(SessionFile.Process.init)

        try folder.store.update { session in
            var lifecycle = try SessionStore.observedLifecycle(&session)
            _ = try lifecycle.start()
            if let leftover = session?.invoker, !livingMembers(of: leftover.tree).isEmpty {
                let report = stopProcessTree(leftover.tree, grace: config.stopGraceSeconds)
                folder.bootLog.write(.leftoverInvokerStopped(pid: leftover.pid, report))
            }
            let now = Timestamp.iso8601(Date())
            var opened = SessionFile(state: lifecycle.state, warm: false, config: config.configFile, openedAt: now, updatedAt: now,
                                     owner: owner, settings: .init(attempts: config.bootSettings.attempts, delaySeconds: config.bootSettings.delaySeconds,
                                                                   timeoutSeconds: config.bootSettings.timeoutSeconds),
                                     escalation: history?.escalation?.note, adaptiveTimeout: history?.adaptiveNote, attempts: 0)
            opened.lifecycle = lifecycle
            session = opened
        }

        let executor = RunExecutor(config: config, plan: .sessionStart, bootNotes: history?.notes ?? [], destinations: destinations,
                                   environment: environment, bootLog: folder.bootLog, invokerLog: folder.invokerLog,
                                   snapshots: folder.snapshots)
        executor.onInvokerSpawned = { child in
            guard let record = ProcessProbe.record(pid: child.pid) else { return }
            let invoker = SessionFile.Invoker(record, tree: child.tree)
            do {
                try folder.store.update { session in session?.invoker = invoker }
            } catch {
                folder.bootLog.write(.sessionNotUpdated("\(error)"))
            }
        }
        let cancelAtDeadline = DispatchWorkItem {
            folder.bootLog.write(.bootDeadlineReached(seconds: deadline ?? 0))
            executor.requestCancel(.terminate)
        }
        if let deadline { DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: cancelAtDeadline) }
        let report = executor.run()
        cancelAtDeadline.cancel()

        history?.record(report.record)
        try folder.store.update { session in
            guard var current = session else { return }
            var lifecycle = current.lifecycle
            let ready = report.record.readyAttempt != nil && report.invoker != nil
            try lifecycle.bootFinished(ready: ready, warm: report.record.warmup != nil, reason: ready ? nil : reason(report))
            current.lifecycle = lifecycle
            current.owner = nil
            current.invoker = report.invoker
            current.attempts = report.attempts
            current.elapsedMs = report.elapsedMilliseconds
            current.readyAt = report.record.readyAt
            current.warmup = report.record.warmup?.summaryText
            current.snapshots += report.record.snapshots.phases
            session = current
        }
        return report
    }

    /// The reason code saved when the session is not READY.
    package static func reason(_ report: RunExecutor.Report) -> NotReadyReason {
        switch report.record.outcome {
        case .notReady(let failure, _): failure.reason
        case .cancelled: .cancelled
        case .succeeded, .stepFailed, .none: .invokerExited
        }
    }
}
