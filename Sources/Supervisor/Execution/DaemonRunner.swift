import Foundation
import SupervisorPlatform
import ProcessProbe

/// The driver of `daemon`: keeps an invoker alive between jobs. Boots it as `run` does, watches
/// its exit and health, restarts it with geometric backoff, gives up into `fatal`, and stops the
/// tree on SIGTERM/SIGINT. Decisions are the `DaemonLifecycle`'s; it waits on events, never polls.
package final class DaemonRunner: @unchecked Sendable {
    package enum Event: Sendable {
        case begin
        case bootDone(generation: Int, report: RunExecutor.Report)
        case invokerExited(generation: Int, exit: ProcessExit)
        case healthDue(generation: Int)
        case healthResult(generation: Int, passed: Bool, detail: String)
        case restartDue(generation: Int)
        case stop(CancelSignal)
        case stopDone
    }

    private let config: SupervisorConfig
    private let stateDir: String
    private let environment: [String: String]
    private let folder: InvokerFolder
    private let queue = EventQueue<Event>()
    private var machine: DaemonLifecycle
    private let me: SessionFile.Process
    private var since = Timestamp.iso8601(Date())
    private var nextRetryAt: String?
    private var invoker: ChildProcess?
    private var invokerInfo: SessionFile.Invoker?
    /// The boot in progress (only touched on the daemon's loop, like everything here).
    private var booting: RunExecutor?
    /// A stop that waits for the boot in progress to end (its `.bootDone` finishes the stop).
    private var stopWaitsForBoot = false

    package init(config: SupervisorConfig, stateDir: String, environment: [String: String], folder: InvokerFolder, me: SessionFile.Process) {
        self.config = config
        self.stateDir = stateDir
        self.environment = environment
        self.folder = folder
        self.me = me
        self.machine = DaemonLifecycle(policy: config.daemon.restart)
    }

    /// Runs until stopped by a signal; returns the exit code.
    package func run() -> Int32 {
        CancelSignals.install { [queue] signal in queue.post(.stop(signal)) }
        folder.bootLog.write(.daemonStart(pid: me.pid, config: config.configFile, stateDir: stateDir))
        stopStaleInvoker()
        writeStatus()
        queue.post(.begin)
        while true {
            let event = queue.take()
            let action = handle(event)
            if perform(action) { return ExitCode.success }
        }
    }

    /// Stops the daemon from another thread (the Windows service stop control), as SIGTERM would.
    package func requestStop() {
        queue.post(.stop(.terminate))
    }

    // MARK: - Events

    private func handle(_ event: Event) -> DaemonLifecycle.Action {
        let now = MonotonicClock.now()
        switch event {
        case .begin:
            return machine.begin()
        case .bootDone(let generation, let report):
            booting = nil
            if stopWaitsForBoot {
                // The boot ended because of the stop, maybe READY just before it: what it left
                // running is stopped with the rest.
                stopWaitsForBoot = false
                stopInBackground(report.child)
                return .none
            }
            if let child = report.child, let info = report.invoker, report.record.readyAttempt != nil {
                let action = machine.bootSucceeded(generation: generation, now: now)
                if action != .none {
                    invoker = child
                    invokerInfo = info
                }
                return action
            }
            return machine.bootFailed(generation: generation, reason: Self.reason(report.record), now: now)
        case .invokerExited(let generation, let exit):
            return machine.invokerLost(generation: generation, reason: "invoker exited \(exit)", now: now)
        case .healthDue(let generation):
            guard case .running(generation, _) = machine.state else { return .none }
            checkHealth(generation)
            return .none
        case .healthResult(let generation, let passed, let detail):
            guard !passed else {
                scheduleHealthCheck(generation)
                return .none
            }
            return machine.invokerLost(generation: generation, reason: "health check failed: \(detail)", now: now)
        case .restartDue(let generation):
            return machine.restartDue(generation: generation)
        case .stop(let signal):
            let action = machine.stopRequested()
            if action != .none { folder.bootLog.write(.cancelled(signal)) }
            return action
        case .stopDone:
            return machine.stopFinished()
        }
    }

    // MARK: - Actions

    /// Carries out one action; true when the daemon should exit.
    private func perform(_ action: DaemonLifecycle.Action) -> Bool {
        switch action {
        case .none:
            return false
        case .boot(let generation):
            nextRetryAt = nil
            folder.bootLog.write(.daemonBoot(generation: generation))
            startBoot(generation)
        case .watch(let generation):
            guard let child = invoker else { break }
            folder.bootLog.write(.daemonInvokerReady(pid: child.pid, generation: generation))
            Thread.detachNewThread { [queue] in
                if let exit = child.waitForExit() { queue.post(.invokerExited(generation: generation, exit: exit)) }
            }
            scheduleHealthCheck(generation)
        case .restart(let generation, let delay, let reason):
            nextRetryAt = Timestamp.iso8601(Date(timeIntervalSinceNow: delay))
            folder.bootLog.write(.daemonInvokerLost(reason: reason, restart: machine.restarts, delaySeconds: delay))
            let old = takeInvoker()
            Thread.detachNewThread { [queue, grace = config.stopGraceSeconds] in
                if let old { _ = old.stopTree(grace: grace) }
                queue.post(.restartDue(generation: generation), after: delay)
            }
        case .giveUp(let reason):
            folder.bootLog.write(.daemonFatal(reason: reason))
            if let old = takeInvoker() { _ = old.stopTree(grace: config.stopGraceSeconds) }
        case .stopAll:
            if let booting {
                booting.requestCancel(.terminate)
                stopWaitsForBoot = true
            } else {
                stopInBackground(takeInvoker())
            }
        case .exit:
            queue.cancelTimers()
            writeStatus()
            folder.bootLog.write(.daemonStopped)
            return true
        }
        writeStatus()
        return false
    }

    private func startBoot(_ generation: Int) {
        let executor = RunExecutor(config: config, plan: .daemon,
                                   destinations: .init(githubOutput: nil, summary: nil, githubActions: false),
                                   environment: environment, bootLog: folder.bootLog, invokerLog: folder.invokerLog,
                                   snapshots: folder.snapshots)
        booting = executor
        Thread.detachNewThread { [queue] in
            queue.post(.bootDone(generation: generation, report: executor.run()))
        }
    }

    /// Stops what is left of the invoker tree, then lets the stop finish.
    private func stopInBackground(_ child: ChildProcess?) {
        Thread.detachNewThread { [self] in
            if let child {
                let report = child.stopTree(grace: config.stopGraceSeconds)
                folder.bootLog.write(.invokerStopped(pid: child.pid, report))
            }
            queue.post(.stopDone)
        }
    }

    private func scheduleHealthCheck(_ generation: Int) {
        guard let interval = config.healthIntervalSeconds else { return }
        queue.post(.healthDue(generation: generation), after: interval)
    }

    /// The handshake when one is configured, else whether the invoker (PID and start time) still runs.
    private func checkHealth(_ generation: Int) {
        let info = invokerInfo
        Thread.detachNewThread { [self] in
            let result: (passed: Bool, detail: String)
            if let spec = config.handshake {
                result = HandshakeRunner.check(spec, launcher: Launcher(environment: environment), logFolder: folder.path,
                                               grace: config.stopGraceSeconds)
            } else {
                let alive = info?.isAlive ?? false
                result = (alive, alive ? "alive" : "invoker not running")
            }
            queue.post(.healthResult(generation: generation, passed: result.passed, detail: result.detail))
        }
    }

    private func takeInvoker() -> ChildProcess? {
        defer {
            invoker = nil
            invokerInfo = nil
        }
        return invoker
    }

    // MARK: - Status

    private func writeStatus() {
        let state = machine.state.phase
        var status = DaemonStatus.load(stateDir: stateDir)
        if status?.state != state || status?.daemon != me { since = Timestamp.iso8601(Date()) }
        var lastError = machine.lastError
        if case .fatal(let reason) = machine.state { lastError = reason }
        status = DaemonStatus(state: state, daemon: me, invoker: invokerInfo, since: since, restarts: machine.restarts,
                              consecutiveFailures: machine.consecutiveFailures, lastError: lastError,
                              nextRetryAt: state == .backoff ? nextRetryAt : nil, config: config.configFile,
                              updatedAt: Timestamp.iso8601(Date()))
        do {
            try status?.save(stateDir: stateDir)
        } catch {
            folder.bootLog.write(.daemonStatusNotWritten(path: DaemonStatus.path(stateDir: stateDir), error: "\(error)"))
        }
    }

    /// An invoker recorded by a previous daemon is stopped only when both its PID and its start time
    /// match a running process; a reused PID is never touched.
    private func stopStaleInvoker() {
        guard let recorded = DaemonStatus.load(stateDir: stateDir)?.invoker else { return }
        if recorded.isAlive {
            let report = stopProcessTree(recorded.tree, grace: config.stopGraceSeconds)
            folder.bootLog.write(.staleDaemonInvokerStopped(pid: recorded.pid, report))
        } else if ProcessProbe.record(pid: recorded.pid) != nil {
            folder.bootLog.write(.staleDaemonInvokerIsAnotherProcess(pid: recorded.pid))
        }
    }

    private static func reason(_ record: RunRecord) -> String {
        switch record.outcome {
        case .notReady(let failure, let attempts): return "not READY after \(attempts) attempt(s): \(failure)"
        case .cancelled(let signal): return "boot cancelled by \(signal.name)"
        default: return "the invoker ended during its boot"
        }
    }
}
