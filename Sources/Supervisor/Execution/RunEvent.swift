import SupervisorPlatform

/// Something that happened while `run` was going, posted to the driver's queue.
package enum RunEvent: Sendable {
    case start
    case readySignalled(attempt: Int)
    case attemptTimer(attempt: Int)
    case invokerExited(attempt: Int, exit: ProcessExit)
    case handshakeDone(attempt: Int, succeeded: Bool, detail: String)
    case attemptStopped(attempt: Int)
    case delayElapsed(attempt: Int)
    case warmupDone(WarmupResult)
    /// `exit` is nil when the step could not be started (`detail` says why).
    case stepDone(index: Int, exit: ProcessExit?, seconds: Double, detail: String?)
    case invokerStopped
    /// A tree stop ended; `survivors` were still alive after its kill (recorded for the summary).
    case treeStopped(survivors: [Int32])
    case cancel(CancelSignal)
    case cancelDone
    case progress(attempt: Int)
}
