import SupervisorPlatform

/// The facts of one run that the summary reports, gathered as the run goes.
package struct RunRecord: Equatable, Sendable {
    /// How one heavy step went.
    package struct StepResult: Equatable, Sendable {
        package var name: String
        package var exit: ProcessExit?
        package var seconds: Double
        /// Why the step did not run to completion on its own, if it did not.
        package var note: String?
    }

    package var settings: BootSettings
    package var stepNames: [String]
    package var hasWarmup: Bool
    package var readyVia: String
    package var readyAttempt: Int?
    package var readyElapsedSeconds: Double?
    /// When READY was observed (UTC ISO-8601 ms).
    package var readyAt: String?
    package var handshakeUsed = false
    package var warmup: WarmupResult?
    package var steps: [StepResult] = []
    package var invokerExitAfterReady: ProcessExit?
    package var outcome: Outcome?
    package var keptInvokerPID: Int32?
    /// Whether the run is a session's `start` (the invoker is kept for the following steps).
    package var sessionMode = false
    package var snapshots = SummarySnapshots()
    /// The adaptive-timeout and escalation lines, when the boot settings came from the history.
    package var bootNotes: [String] = []
    /// PIDs still alive after a tree stop's kill (should stay empty).
    package var survivors: [Int32] = []

    package init(config: SupervisorConfig) {
        settings = config.bootSettings
        stepNames = config.steps.map(\.name)
        hasWarmup = config.warmup != nil
        readyVia = config.ready.via
        handshakeUsed = config.handshake != nil
    }

    /// How the boot ended, as the histories record it: `ready`, the not-READY reason code
    /// (`timeout`, `exited`, `spawn_error`), or `cancelled` before READY.
    package var bootResult: String {
        switch outcome {
        case .notReady(let failure, _): failure.reason.rawValue
        case .cancelled where readyAttempt == nil: "cancelled"
        default: "ready"
        }
    }

    /// The names of the steps that never started.
    package var stepsNotRun: [String] {
        Array(stepNames.dropFirst(steps.count))
    }
}
