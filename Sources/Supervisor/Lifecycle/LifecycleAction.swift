import SupervisorPlatform

/// What the lifecycle state machine asks its driver to do next. Each case says what, never how.
package indirect enum LifecycleAction: Equatable, Sendable {
    /// Remove any stale READY marker, then start the invoker for this attempt.
    case spawnInvoker(attempt: Int)
    /// Watch for READY and arm the attempt's timeout timer.
    case awaitReady(attempt: Int, timeoutSeconds: Double)
    /// Run the handshake command; READY counts only if it succeeds.
    case runHandshake(attempt: Int)
    /// Stop this attempt's invoker tree and record why it failed; `retryInSeconds` is nil on the last attempt.
    case stopAttempt(attempt: Int, failure: AttemptFailure, retryInSeconds: Double?)
    /// Wait before starting the next attempt.
    case waitBeforeRetry(nextAttempt: Int, delaySeconds: Double)
    /// Snapshot the watched processes, then carry out `then`.
    case snapshot(SnapshotPhase, then: LifecycleAction)
    /// Record that the invoker is READY on this attempt, then carry out `then`.
    case declareReady(attempt: Int, then: LifecycleAction)
    /// Start the warmup (only ever after READY).
    case runWarmup
    /// Run the heavy step at this index.
    case runStep(index: Int)
    /// Record that the invoker exited after READY; the sequence goes on.
    case noteInvokerExit(ProcessExit)
    /// Stop the invoker tree at the end of the sequence.
    case stopInvoker
    /// Stop every process the supervisor is waiting on and record the cancellation.
    case cancel(CancelSignal)
    /// Report the outcome and exit.
    case finish(Outcome)
    /// Nothing to do: the event was a tolerated race (a stale timer, READY after a timeout, …).
    case none
}
