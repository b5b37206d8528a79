import SupervisorPlatform

/// The invoker lifecycle as a value: events in, one action out.
///
/// idle → spawning(n) → awaitingReady(n) → [handshaking(n)] → warmingUp → runningStep(i) → stoppingInvoker → finished.
/// A failed attempt goes stoppingAttempt(n) → backingOff(n+1) → spawning(n+1), or to finished(notReady)
/// after the last one. Any state but finished goes to cancelling on a cancel signal.
/// Warmup and steps are only reachable through READY. Timers, probes and exits carry their
/// attempt number: one from an earlier attempt, or one that lost a race, yields `.none`;
/// an event that cannot happen in the current state throws.
package struct LifecycleStateMachine: Sendable {
    /// Where the lifecycle is. Each state carries exactly what it needs: the attempt that is
    /// running, and after READY whether the READY invoker is still believed to run.
    package enum State: Equatable, Sendable, CustomStringConvertible {
        case idle
        case spawning(attempt: Int)
        case awaitingReady(attempt: Int)
        case handshaking(attempt: Int)
        case stoppingAttempt(attempt: Int, failure: AttemptFailure)
        case backingOff(nextAttempt: Int)
        case warmingUp(Ready)
        case runningStep(index: Int, Ready)
        case stoppingInvoker(SequenceEnd, readyAttempt: Int)
        case cancelling(CancelSignal, lastAttempt: Int)
        /// `invokerKept`: the sequence ended with the invoker left running (`keepInvoker`).
        case finished(Outcome, lastAttempt: Int, invokerKept: Bool)

        package var description: String {
            switch self {
            case .idle: return "idle"
            case .spawning(let n): return "spawning(attempt \(n))"
            case .awaitingReady(let n): return "awaitingReady(attempt \(n))"
            case .handshaking(let n): return "handshaking(attempt \(n))"
            case .stoppingAttempt(let n, _): return "stoppingAttempt(attempt \(n))"
            case .backingOff(let n): return "backingOff(next attempt \(n))"
            case .warmingUp: return "warmingUp"
            case .runningStep(let i, _): return "runningStep(\(i))"
            case .stoppingInvoker: return "stoppingInvoker"
            case .cancelling(let s, _): return "cancelling(\(s.name))"
            case .finished: return "finished"
            }
        }
    }

    /// The READY invoker while the warmup and the steps run.
    package struct Ready: Equatable, Sendable {
        package var attempt: Int
        /// False once it has exited by itself (noted once, the sequence goes on).
        package var invokerRunning = true
    }

    package let policy: LifecyclePolicy
    package private(set) var state: State = .idle

    /// The attempt whose invoker is (or was last) running; 0 before the first spawn.
    package var attempt: Int {
        switch state {
        case .idle: 0
        case .spawning(let n), .awaitingReady(let n), .handshaking(let n), .stoppingAttempt(let n, _): n
        case .backingOff(let next): next - 1
        case .warmingUp(let ready), .runningStep(_, let ready): ready.attempt
        case .stoppingInvoker(_, let n), .cancelling(_, let n), .finished(_, let n, _): n
        }
    }

    /// Whether an invoker of this run is believed to be running.
    package var invokerRunning: Bool {
        switch state {
        case .awaitingReady, .handshaking: true
        case .warmingUp(let ready), .runningStep(_, let ready): ready.invokerRunning
        case .finished(_, _, let kept): kept
        case .idle, .spawning, .stoppingAttempt, .backingOff, .stoppingInvoker, .cancelling: false
        }
    }

    package init(policy: LifecyclePolicy) {
        self.policy = policy
    }

    // MARK: - Events

    /// The run begins.
    package mutating func start() throws(LifecycleError) -> LifecycleAction {
        guard case .idle = state else { throw illegal("start") }
        state = .spawning(attempt: 1)
        return .snapshot(.preInvoker, then: .spawnInvoker(attempt: 1))
    }

    /// The invoker for `attempt` was started.
    package mutating func invokerSpawned(attempt n: Int) throws(LifecycleError) -> LifecycleAction {
        guard case .spawning(let current) = state, current == n else { throw illegal("invokerSpawned(\(n))") }
        state = .awaitingReady(attempt: n)
        return .awaitReady(attempt: n, timeoutSeconds: policy.settings.timeoutSeconds)
    }

    /// The invoker for `attempt` could not be started.
    package mutating func spawnFailed(attempt n: Int, message: String) throws(LifecycleError) -> LifecycleAction {
        guard case .spawning(let current) = state, current == n else { throw illegal("spawnFailed(\(n))") }
        return failAttempt(n, .spawnError(message))
    }

    /// The READY signal (file, line or port) was seen for `attempt`.
    package mutating func readyObserved(attempt n: Int) throws(LifecycleError) -> LifecycleAction {
        try checkNotFuture(n, "readyObserved(\(n))")
        guard case .awaitingReady(let current) = state, current == n else { return .none }
        if policy.hasHandshake {
            state = .handshaking(attempt: n)
            return .runHandshake(attempt: n)
        }
        return becomeReady(n)
    }

    /// The handshake for `attempt` ended.
    package mutating func handshakeFinished(attempt n: Int, succeeded: Bool, detail: String) throws(LifecycleError) -> LifecycleAction {
        try checkNotFuture(n, "handshakeFinished(\(n))")
        guard case .handshaking(let current) = state, current == n else { return .none }
        return succeeded ? becomeReady(n) : failAttempt(n, .handshakeFailed(detail))
    }

    /// The timeout timer of `attempt` fired.
    package mutating func attemptTimedOut(attempt n: Int) throws(LifecycleError) -> LifecycleAction {
        try checkNotFuture(n, "attemptTimedOut(\(n))")
        guard case .awaitingReady(let current) = state, current == n else { return .none }
        return failAttempt(n, .timedOut(seconds: policy.settings.timeoutSeconds))
    }

    /// The invoker started by `attempt` exited.
    package mutating func invokerExited(attempt n: Int, exit: ProcessExit) throws(LifecycleError) -> LifecycleAction {
        try checkNotFuture(n, "invokerExited(\(n))")
        guard n == attempt else { return .none }
        switch state {
        case .awaitingReady, .handshaking:
            return failAttempt(n, .exitedEarly(exit))
        case .warmingUp(var ready):
            guard ready.invokerRunning else { return .none }
            ready.invokerRunning = false
            state = .warmingUp(ready)
            return .noteInvokerExit(exit)
        case .runningStep(let index, var ready):
            guard ready.invokerRunning else { return .none }
            ready.invokerRunning = false
            state = .runningStep(index: index, ready)
            return .noteInvokerExit(exit)
        case .finished(let outcome, let last, true):
            // A kept invoker that exits after the run ended is no longer kept.
            state = .finished(outcome, lastAttempt: last, invokerKept: false)
            return .none
        case .stoppingAttempt, .backingOff, .stoppingInvoker, .cancelling, .finished:
            // The exit a stop caused; it may be reported after the stop has finished.
            return .none
        case .idle, .spawning:
            throw illegal("invokerExited(\(n))")
        }
    }

    /// The tree of a failed attempt has been stopped.
    package mutating func attemptStopped(attempt n: Int) throws(LifecycleError) -> LifecycleAction {
        if case .cancelling = state { return .none }
        guard case .stoppingAttempt(let current, let failure) = state, current == n else {
            throw illegal("attemptStopped(\(n))")
        }
        if n < policy.settings.attempts {
            state = .backingOff(nextAttempt: n + 1)
            return .waitBeforeRetry(nextAttempt: n + 1, delaySeconds: policy.settings.delaySeconds)
        }
        let outcome = Outcome.notReady(lastFailure: failure, attempts: n)
        state = .finished(outcome, lastAttempt: n, invokerKept: false)
        return .snapshot(.postInvoker, then: .finish(outcome))
    }

    /// The delay before `attempt` has passed.
    package mutating func delayElapsed(nextAttempt n: Int) throws(LifecycleError) -> LifecycleAction {
        if case .cancelling = state { return .none }
        guard case .backingOff(let next) = state, next == n else { throw illegal("delayElapsed(\(n))") }
        state = .spawning(attempt: n)
        return .spawnInvoker(attempt: n)
    }

    /// The warmup finished (exited, saw its process, or was left running at its timeout).
    package mutating func warmupFinished() throws(LifecycleError) -> LifecycleAction {
        if case .cancelling = state { return .none }
        guard case .warmingUp(let ready) = state else { throw illegal("warmupFinished") }
        return .snapshot(.postWarmup, then: policy.stepCount > 0 ? startStep(0, ready) : endSequence(.succeeded, ready))
    }

    /// The heavy step at `index` exited with `exitCode`.
    package mutating func stepFinished(index: Int, exitCode: Int32) throws(LifecycleError) -> LifecycleAction {
        if case .cancelling = state { return .none }
        guard case .runningStep(let current, let ready) = state, current == index else { throw illegal("stepFinished(\(index))") }
        let next: LifecycleAction
        if exitCode != 0 {
            next = endSequence(.stepFailed(index: index), ready)
        } else {
            next = index + 1 < policy.stepCount ? startStep(index + 1, ready) : endSequence(.succeeded, ready)
        }
        return .snapshot(.postStep(index), then: next)
    }

    /// The invoker tree was stopped at the end of the sequence.
    package mutating func invokerStopped() throws(LifecycleError) -> LifecycleAction {
        if case .cancelling = state { return .none }
        guard case .stoppingInvoker(let end, let n) = state else { throw illegal("invokerStopped") }
        state = .finished(end.outcome, lastAttempt: n, invokerKept: false)
        return .snapshot(.postStop, then: .finish(end.outcome))
    }

    /// SIGINT or SIGTERM arrived.
    package mutating func cancelRequested(_ signal: CancelSignal) -> LifecycleAction {
        switch state {
        case .cancelling, .finished:
            return .none
        case .idle, .spawning, .awaitingReady, .handshaking, .stoppingAttempt, .backingOff,
             .warmingUp, .runningStep, .stoppingInvoker:
            state = .cancelling(signal, lastAttempt: attempt)
            return .cancel(signal)
        }
    }

    /// Everything the cancellation had to stop is stopped.
    package mutating func cancelCompleted() throws(LifecycleError) -> LifecycleAction {
        guard case .cancelling(let signal, let n) = state else { throw illegal("cancelCompleted") }
        state = .finished(.cancelled(signal), lastAttempt: n, invokerKept: false)
        return .snapshot(.postStop, then: .finish(.cancelled(signal)))
    }

    // MARK: - Transitions

    private mutating func failAttempt(_ n: Int, _ failure: AttemptFailure) -> LifecycleAction {
        state = .stoppingAttempt(attempt: n, failure: failure)
        return .stopAttempt(attempt: n, failure: failure, retryInSeconds: n < policy.settings.attempts ? policy.settings.delaySeconds : nil)
    }

    private mutating func becomeReady(_ n: Int) -> LifecycleAction {
        let ready = Ready(attempt: n)
        let next: LifecycleAction
        if policy.hasWarmup {
            state = .warmingUp(ready)
            next = .runWarmup
        } else if policy.stepCount > 0 {
            next = startStep(0, ready)
        } else {
            next = endSequence(.succeeded, ready)
        }
        return .declareReady(attempt: n, then: .snapshot(.postInvoker, then: next))
    }

    private mutating func startStep(_ index: Int, _ ready: Ready) -> LifecycleAction {
        state = .runningStep(index: index, ready)
        return .snapshot(.preStep(index), then: .runStep(index: index))
    }

    private mutating func endSequence(_ end: SequenceEnd, _ ready: Ready) -> LifecycleAction {
        if policy.keepInvoker {
            // Nothing is stopped, so there is no post-stop snapshot.
            state = .finished(end.outcome, lastAttempt: ready.attempt, invokerKept: ready.invokerRunning)
            return .finish(end.outcome)
        }
        state = .stoppingInvoker(end, readyAttempt: ready.attempt)
        return .stopInvoker
    }

    private func checkNotFuture(_ n: Int, _ event: String) throws(LifecycleError) {
        if n > attempt || n < 1 { throw illegal(event) }
    }

    private func illegal(_ event: String) -> LifecycleError {
        .illegalEvent(event: event, state: state.description)
    }
}
