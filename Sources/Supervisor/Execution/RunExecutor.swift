import Foundation
import SupervisorPlatform
import ProcessProbe

/// The driver of `run`: feeds events to the lifecycle state machine and carries out the actions
/// it returns (spawn, watch READY, stop trees, warmup, steps, log, summary). It makes no
/// lifecycle decisions of its own.
package final class RunExecutor: @unchecked Sendable {
    /// Where the run's user-facing outputs go.
    package struct Destinations {
        package var githubOutput: String?
        package var summary: String?
        package var githubActions: Bool
    }

    /// How often live progress is printed while waiting for READY.
    package static let progressInterval = 5.0

    private let config: SupervisorConfig
    private let destinations: Destinations
    private let launcher: Launcher
    private let environment: [String: String]
    private let bootLog: BootLog
    private let invokerLog: AppendFile
    private let snapshotter: Snapshotter
    private let plan: BootPlan
    private let queue = EventQueue<RunEvent>()
    private var machine: LifecycleStateMachine
    private var record: RunRecord

    private let runStarted = MonotonicClock.now()
    private var attemptStarted = 0.0
    private var invoker: ChildProcess?
    private var probe: ReadyProbe?
    /// The handshake command while it runs (started on a background thread).
    private let handshakeChild = Locked<ChildProcess?>(nil)
    private var step: ChildProcess?
    private var stepStarted = 0.0
    /// Set when the boot phase is decided (READY, not READY, or cancelled before READY).
    private var bootElapsedMilliseconds: Int?
    private var groupOpen = false
    /// Called on the driver's thread with each invoker just spawned (`start` records it in
    /// session.json before READY is awaited, so a later `stop` or `start` can stop a leftover).
    package var onInvokerSpawned: ((ChildProcess) -> Void)?

    /// What a finished run leaves behind for its caller (`start` saves it in the session).
    package struct Report {
        package var exitCode: Int32
        package var record: RunRecord
        /// The invoker, when it is still running (kept, as `start` keeps it).
        package var invoker: SessionFile.Invoker?
        /// The kept invoker as a child of this process (the daemon watches it).
        package var child: ChildProcess?
        /// Milliseconds from the start to READY or to giving up.
        package var elapsedMilliseconds: Int
        package var attempts: Int
    }

    package init(config: SupervisorConfig, plan: BootPlan, bootNotes: [String] = [], destinations: Destinations, environment: [String: String],
         bootLog: BootLog, invokerLog: AppendFile, snapshots: AppendFile) {
        self.config = config
        self.destinations = destinations
        self.launcher = Launcher(environment: environment)
        self.environment = environment
        self.bootLog = bootLog
        self.invokerLog = invokerLog
        self.snapshotter = Snapshotter(watch: config.watch, ndjson: snapshots, bootLog: bootLog)
        var policy = config.policy
        if !plan.runsSteps { policy.stepCount = 0 }
        if !plan.runsWarmup { policy.hasWarmup = false }
        policy.keepInvoker = plan.invoker != .stopped
        self.plan = plan
        self.machine = LifecycleStateMachine(policy: policy)
        self.record = RunRecord(config: config)
        self.record.sessionMode = plan.summary == .failedBootOnly
        self.record.bootNotes = bootNotes
    }

    /// Runs the whole sequence and reports how it ended.
    package func run() -> Report {
        if plan.handlesSignals {
            CancelSignals.install { [queue] signal in queue.post(.cancel(signal)) }
        }
        if plan.summary != .none, destinations.summary == nil {
            Console.err("note: no --summary and no GITHUB_STEP_SUMMARY; the run summary is not written.")
        }
        if destinations.githubActions {
            Console.out("::group::Invoker boot (attempts=\(config.bootSettings.attempts), timeout=\(Seconds.format(config.bootSettings.timeoutSeconds)) s)")
            groupOpen = true
        }
        bootLog.write(.supervisorStart(version: Version.current, pid: ProcessInfo.processInfo.processIdentifier, config: config.configFile,
                                       settings: config.bootSettings, readyVia: config.ready.via, containment: containmentMechanism))
        record.bootNotes.forEach { bootLog.write(.bootHistory($0)) }
        queue.post(.start)
        while true {
            let event = queue.take()
            do {
                if let code = try perform(handle(event)) { return report(code) }
            } catch {
                bootLog.write(.internalError("\(error)"))
                stopEverything()
                return report(ExitCode.internalError)
            }
        }
    }

    /// Cancels a run from another thread (the daemon's signal handler), as SIGTERM would.
    package func requestCancel(_ signal: CancelSignal) {
        queue.post(.cancel(signal))
    }

    // MARK: - Events

    private func handle(_ event: RunEvent) throws(LifecycleError) -> LifecycleAction {
        switch event {
        case .start:
            return try machine.start()
        case .readySignalled(let attempt):
            return try machine.readyObserved(attempt: attempt)
        case .attemptTimer(let attempt):
            return try machine.attemptTimedOut(attempt: attempt)
        case .invokerExited(let attempt, let exit):
            return try machine.invokerExited(attempt: attempt, exit: exit)
        case .handshakeDone(let attempt, let succeeded, let detail):
            return try machine.handshakeFinished(attempt: attempt, succeeded: succeeded, detail: detail)
        case .attemptStopped(let attempt):
            return try machine.attemptStopped(attempt: attempt)
        case .delayElapsed(let attempt):
            return try machine.delayElapsed(nextAttempt: attempt)
        case .warmupDone(let result):
            bootLog.write(.warmupEnded(result))
            record.warmup = result
            return try machine.warmupFinished()
        case .stepDone(let index, let exit, let seconds, let detail):
            let name = config.steps[index].name
            step = nil
            if let detail { bootLog.write(.stepSpawnError(name: name, message: detail)) }
            bootLog.write(.stepEnded(name: name, exitCode: exit?.shellCode ?? 127, seconds: seconds))
            record.steps.append(.init(name: name, exit: exit, seconds: seconds, note: detail))
            return try machine.stepFinished(index: index, exitCode: exit?.shellCode ?? 127)
        case .invokerStopped:
            return try machine.invokerStopped()
        case .treeStopped(let survivors):
            record.survivors += survivors
            return .none
        case .cancel(let signal):
            return machine.cancelRequested(signal)
        case .cancelDone:
            return try machine.cancelCompleted()
        case .progress(let attempt):
            if case .awaitingReady(attempt) = machine.state {
                let waited = MonotonicClock.now() - attemptStarted
                Console.out(String(format: "attempt %d/%d: waiting for READY, %.1f s of %@ s", attempt, config.bootSettings.attempts, waited, Seconds.format(config.bootSettings.timeoutSeconds)))
                queue.post(.progress(attempt: attempt), after: Self.progressInterval)
            }
            return .none
        }
    }

    // MARK: - Actions

    /// Carries out one action; returns the exit code once the run is finished.
    private func perform(_ action: LifecycleAction) throws(LifecycleError) -> Int32? {
        switch action {
        case .none:
            return nil
        case .spawnInvoker(let attempt):
            return try perform(spawnInvoker(attempt: attempt))
        case .snapshot(let phase, let then):
            record.snapshots.add(snapshotter.take(phase.name(stepNames: record.stepNames)))
            return try perform(then)
        case .awaitReady(let attempt, let timeout):
            probe?.startPolling()
            queue.post(.attemptTimer(attempt: attempt), after: timeout)
            queue.post(.progress(attempt: attempt), after: Self.progressInterval)
            Console.out("attempt \(attempt)/\(config.bootSettings.attempts): waiting for READY (\(config.ready.via)), timeout \(Seconds.format(timeout)) s")
        case .runHandshake(let attempt):
            probe?.cancel()
            bootLog.write(.readySignalled(attempt: attempt, via: config.ready.via, elapsed: MonotonicClock.secondsText(since: attemptStarted)))
            runHandshake(attempt: attempt)
        case .stopAttempt(let attempt, let failure, let retryIn):
            stopAttempt(attempt: attempt, failure: failure, retryIn: retryIn)
        case .waitBeforeRetry(let next, let delay):
            queue.post(.delayElapsed(attempt: next), after: delay)
        case .declareReady(let attempt, let then):
            probe?.cancel()
            record.readyAttempt = attempt
            record.readyElapsedSeconds = MonotonicClock.now() - attemptStarted
            record.readyAt = Timestamp.iso8601(Date())
            bootLog.write(.readyObserved(attempt: attempt, elapsed: MonotonicClock.secondsText(since: attemptStarted), via: config.ready.via,
                                         handshake: config.handshake != nil))
            writeOutputs(ready: true, reason: "ready", attempts: attempt)
            closeGroup()
            return try perform(then)
        case .runWarmup:
            runWarmup()
        case .runStep(let index):
            runStep(index: index)
        case .noteInvokerExit(let exit):
            bootLog.write(.invokerExitedAfterReady(exit))
            record.invokerExitAfterReady = exit
        case .stopInvoker:
            let invoker = self.invoker
            let grace = config.stopGraceSeconds
            background { [self] in
                if let invoker {
                    let report = invoker.stopTree(grace: grace)
                    bootLog.write(.invokerStopped(pid: invoker.pid, report))
                    queue.post(.treeStopped(survivors: report.survivors))
                }
                queue.post(.invokerStopped)
            }
        case .cancel(let signal):
            probe?.cancel()
            bootLog.write(.cancelled(signal))
            let children = [step, handshakeChild.exchange(nil), invoker].compactMap { $0 }
            let grace = config.stopGraceSeconds
            background { [self] in
                for (child, report) in ParallelStop.stop(children, grace: grace) {
                    bootLog.write(.treeStopped(pid: child.pid, report))
                    queue.post(.treeStopped(survivors: report.survivors))
                }
                queue.post(.cancelDone)
            }
        case .finish(let outcome):
            return finish(outcome)
        }
        return nil
    }

    private func spawnInvoker(attempt: Int) throws(LifecycleError) -> LifecycleAction {
        var portOpenBeforeSpawn = false
        switch config.ready {
        case .file(let path):
            do {
                switch try FileKind.removeRegularFile(path) {
                case .missing: break
                case .regular: bootLog.write(.staleReadyFileRemoved(attempt: attempt, path: path))
                case let other: bootLog.write(.readyPathNotRegular(attempt: attempt, kind: other, path: path))
                }
            } catch {
                bootLog.write(.staleReadyFileNotRemoved(attempt: attempt, reason: error.message))
            }
        case .tcp(let host, let port):
            if tcpAccepts(host: host, port: port, timeoutMilliseconds: 200) {
                portOpenBeforeSpawn = true
                bootLog.write(.readyPortAlreadyOpen(attempt: attempt, host: host, port: port))
            }
        case .line:
            break
        }
        // An invoker that must outlive the supervisor writes straight to invoker.log (a pipe would
        // break when the supervisor exits); its READY line is then read back from that file.
        let detached = plan.invoker == .keptDetached
        let logSize = FileKind.size(invokerLog.path) ?? 0
        let probe = ReadyProbe(signal: config.ready, tail: detached ? (invokerLog.path, logSize) : nil,
                               notBefore: Date().timeIntervalSince1970, portOpenBeforeSpawn: portOpenBeforeSpawn) { [queue] in
            queue.post(.readySignalled(attempt: attempt))
        }
        self.probe = probe
        attemptStarted = MonotonicClock.now()
        let child: ChildProcess
        do {
            child = try launcher.spawn(config.invoker, stdout: detached ? .file(invokerLog.path) : .pipe, stderr: .file(invokerLog.path),
                              domain: detached ? .treeKeptAfterExit : .tree)
        } catch {
            return try machine.spawnFailed(attempt: attempt, message: error.message)
        }
        invoker = child
        bootLog.write(.attemptSpawned(attempt: attempt, pid: child.pid, command: config.invoker.arguments))
        Watchdog.watch(child.tree, grace: config.stopGraceSeconds)
        onInvokerSpawned?(child)
        if !detached {
            let invokerLog = self.invokerLog
            Thread.detachNewThread {
                var splitter = LineSplitter()
                child.drainStdout { chunk in
                    invokerLog.append(bytes: chunk)
                    splitter.feed(chunk).forEach(probe.offer(line:))
                }
                if let rest = splitter.finish() { probe.offer(line: rest) }
            }
        }
        background { [queue] in
            if let exit = child.waitForExit() { queue.post(.invokerExited(attempt: attempt, exit: exit)) }
        }
        return try machine.invokerSpawned(attempt: attempt)
    }

    private func runHandshake(attempt: Int) {
        guard let spec = config.handshake else { return }
        // Runs in the background; no invoker is spawned meanwhile, so no pipe of one can leak into it.
        let launcher = self.launcher
        let folder = config.invokerDir
        let grace = config.stopGraceSeconds
        background { [self] in
            let result = HandshakeRunner.check(spec, launcher: launcher, logFolder: folder, grace: grace) { child in
                Watchdog.watch(child.tree, grace: grace)
                self.handshakeChild.withLock { $0 = child }
            }
            queue.post(.handshakeDone(attempt: attempt, succeeded: result.passed, detail: result.detail))
        }
    }

    private func stopAttempt(attempt: Int, failure: AttemptFailure, retryIn: Double?) {
        probe?.cancel()
        bootLog.write(.attemptFailed(attempt: attempt, failure, retryInSeconds: retryIn))
        let children = [handshakeChild.exchange(nil), invoker].compactMap { $0 }
        invoker = nil
        let grace = config.stopGraceSeconds
        background { [self] in
            for (child, report) in ParallelStop.stop(children, grace: grace) where report.signalled > 0 {
                bootLog.write(.attemptStopped(attempt: attempt, pid: child.pid, report))
                queue.post(.treeStopped(survivors: report.survivors))
            }
            queue.post(.attemptStopped(attempt: attempt))
        }
    }

    private func runWarmup() {
        guard let spec = config.warmup else { return }
        switch WarmupRunner.start(spec, logFolder: config.invokerDir, launcher: launcher, bootLog: bootLog) {
        case .finished(let result):
            queue.post(.warmupDone(result))
        case .started(let child):
            background { [queue] in
                queue.post(.warmupDone(WarmupWatch.watch(child, waitFor: spec.waitForProcess, timeout: spec.timeoutSeconds)))
            }
        }
    }

    private func runStep(index: Int) {
        let spec = config.steps[index]
        stepStarted = MonotonicClock.now()
        do {
            let child = try launcher.spawn(spec.command, stdout: .inherit, stderr: .inherit, domain: .tree)
            Watchdog.watch(child.tree, grace: config.stopGraceSeconds)
            step = child
            bootLog.write(.stepStarted(name: spec.name, pid: child.pid, command: spec.command.arguments))
            let started = stepStarted
            background { [queue] in
                let exit = child.waitForExit()
                queue.post(.stepDone(index: index, exit: exit, seconds: MonotonicClock.now() - started, detail: nil))
            }
        } catch {
            bootLog.write(.stepStartFailed(name: spec.name))
            queue.post(.stepDone(index: index, exit: nil, seconds: MonotonicClock.now() - stepStarted, detail: error.message))
        }
    }

    private func finish(_ outcome: Outcome) -> Int32 {
        record.outcome = outcome
        switch outcome {
        case .notReady(let failure, let attempts):
            bootLog.write(.allAttemptsExhausted(lastError: failure))
            if config.warmup != nil { bootLog.write(.warmupSkipped(.invokerNotReady)) }
            for name in record.stepNames { bootLog.write(.stepSkipped(name: name, .invokerNotReady)) }
            writeOutputs(ready: false, reason: failure.reason.rawValue, attempts: attempts)
            if destinations.githubActions {
                let line = RunSummary.notReadyLine(reason: failure.reason, attempts: attempts, delaySeconds: config.bootSettings.delaySeconds,
                                                   timeoutSeconds: config.bootSettings.timeoutSeconds)
                let seed = "Invoker not ready after \(Seconds.format(config.bootSettings.timeoutSeconds)) s (attempts=\(attempts)). LastError=\(failure)"
                Console.out(WorkflowCommand.line(config.onNotReady == .fail ? "error" : "warning", line + ". " + seed))
            }
        case .cancelled:
            writeOutputs(ready: false, reason: "cancelled", attempts: machine.attempt)
        case .stepFailed:
            for name in record.stepsNotRun { bootLog.write(.stepSkipped(name: name, .previousStepFailed)) }
        case .succeeded:
            break
        }
        if machine.policy.keepInvoker, machine.invokerRunning, let invoker {
            record.keptInvokerPID = invoker.pid
            bootLog.write(.invokerKept(pid: invoker.pid))
        }
        closeGroup()
        let code = ExitCode.of(outcome, onNotReady: config.onNotReady)
        bootLog.write(.finished(outcome, exitCode: code))
        if let path = destinations.summary {
            switch plan.summary {
            case .run:
                OutputDestinations.append(SummaryBuilder.forRun(record, config: config, environment: environment), to: path, what: "step summary")
            case .failedBootOnly where record.readyAttempt == nil:
                OutputDestinations.append(RunSummary.bootBlock(record), to: path, what: "step summary")
            case .failedBootOnly, .none:
                break
            }
        }
        return code
    }

    // MARK: - Helpers

    private func report(_ code: Int32) -> Report {
        queue.cancelTimers()
        var kept: SessionFile.Invoker?
        if let invoker, machine.invokerRunning, let record = ProcessProbe.record(pid: invoker.pid) {
            kept = SessionFile.Invoker(record, tree: invoker.tree)
            // A session's or a keepInvoker run's invoker outlives this process by design; the
            // daemon's stays watched until the daemon stops it.
            if plan.invoker == .keptDetached { Watchdog.release(invoker.tree) }
        }
        return Report(exitCode: code, record: record, invoker: kept, child: kept == nil ? nil : invoker, elapsedMilliseconds: bootElapsedMilliseconds ?? elapsedMilliseconds(),
                      attempts: machine.attempt)
    }

    private func elapsedMilliseconds() -> Int {
        Int(((MonotonicClock.now() - runStarted) * 1000).rounded())
    }

    private func writeOutputs(ready: Bool, reason: String, attempts: Int) {
        guard bootElapsedMilliseconds == nil else { return }
        let elapsed = elapsedMilliseconds()
        bootElapsedMilliseconds = elapsed
        guard let path = destinations.githubOutput else { return }
        OutputDestinations.append(GitHubOutputs(ready: ready, reasonCode: reason, attempts: attempts, elapsedMilliseconds: elapsed).text,
                     to: path, what: "GITHUB_OUTPUT")
    }

    private func closeGroup() {
        if groupOpen {
            Console.out("::endgroup::")
            groupOpen = false
        }
    }

    private func stopEverything() {
        _ = ParallelStop.stop([step, handshakeChild.exchange(nil), invoker].compactMap { $0 }, grace: config.stopGraceSeconds)
    }

    private func background(_ work: @escaping @Sendable () -> Void) {
        Thread.detachNewThread(work)
    }
}
