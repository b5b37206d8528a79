import SupervisorPlatform

/// How a whole run ended.
package enum Outcome: Equatable, Sendable {
    /// READY was observed and every heavy step exited 0.
    case succeeded
    /// READY was observed and the heavy step at this index exited non-zero (later steps did not run).
    case stepFailed(index: Int)
    /// READY was never observed after `attempts` attempts; warmup and steps were skipped.
    case notReady(lastFailure: AttemptFailure, attempts: Int)
    /// A cancel signal arrived.
    case cancelled(CancelSignal)
}

/// How the sequence after READY ended (the outcomes a normal end of the invoker can carry).
package enum SequenceEnd: Equatable, Sendable {
    case succeeded
    case stepFailed(index: Int)

    package var outcome: Outcome {
        switch self {
        case .succeeded: .succeeded
        case .stepFailed(let index): .stepFailed(index: index)
        }
    }
}

/// What to do when the invoker never becomes READY.
package enum NotReadyPolicy: String, Sendable, CaseIterable {
    /// Skip warmup and steps and exit 0, so the job goes on and says why in its summary.
    case skip
    /// Skip warmup and steps and exit 3.
    case fail
}

/// The process exit codes of the supervisor, shared by every subcommand.
package enum ExitCode {
    package static let success: Int32 = 0
    package static let stepFailed: Int32 = 1
    package static let notReady: Int32 = 3
    /// `status --daemon`: no daemon runs on that state folder (absent, stopped, or gone).
    package static let daemonNotRunning: Int32 = 3
    /// `timeline`: the boot.log holds no run.
    package static let noRunRecorded: Int32 = 3
    package static let usage: Int32 = 64
    /// Refused: the subcommand is out of order for the session's state.
    package static let refused: Int32 = 65
    /// The supervisor itself went wrong (a bug); boot.log has an `internal error` line.
    package static let internalError: Int32 = 70
    /// The run itself ended well, but a file users read (boot.log, the summary, `GITHUB_OUTPUT`, …)
    /// could not be written in full; stderr names it.
    package static let outputsFailed: Int32 = 74

    /// The exit code for a run that ended this way.
    package static func of(_ outcome: Outcome, onNotReady: NotReadyPolicy) -> Int32 {
        switch outcome {
        case .succeeded: return success
        case .stepFailed: return stepFailed
        case .notReady: return onNotReady == .fail ? notReady : success
        case .cancelled(let signal): return signal.exitCode
        }
    }
}
