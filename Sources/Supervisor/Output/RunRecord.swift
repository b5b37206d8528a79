/// The facts of one run that the summary reports, gathered as the run goes.
struct RunRecord: Equatable, Sendable {
    /// How one heavy step went.
    struct StepResult: Equatable, Sendable {
        var name: String
        var exit: ProcessExit?
        var seconds: Double
        /// Why the step did not run to completion on its own, if it did not.
        var note: String?
    }

    var attempts: Int
    var delaySeconds: Double
    var timeoutSeconds: Double
    var stepNames: [String]
    var hasWarmup: Bool
    var readyVia: String
    var readyAttempt: Int?
    var readyElapsedSeconds: Double?
    /// When READY was observed (UTC ISO-8601 ms).
    var readyAt: String?
    var handshakeUsed = false
    var warmup: WarmupResult?
    var steps: [StepResult] = []
    var invokerExitAfterReady: ProcessExit?
    var outcome: Outcome?
    var keptInvokerPID: Int32?
    /// Whether the run is a session's `start` (the invoker is kept for the following steps).
    var sessionMode = false
    var snapshots: [ProcessSnapshot] = []
    /// The escalation line, when the boot settings were escalated.
    var escalation: String?
    /// PIDs still alive after a tree stop's kill (should stay empty).
    var survivors: [Int32] = []

    init(config: SupervisorConfig) {
        attempts = config.attempts
        delaySeconds = config.delaySeconds
        timeoutSeconds = config.timeoutSeconds
        stepNames = config.steps.map(\.name)
        hasWarmup = config.warmup != nil
        readyVia = config.ready.via
        handshakeUsed = config.handshake != nil
    }

    /// The names of the steps that never started.
    var stepsNotRun: [String] {
        Array(stepNames.dropFirst(steps.count))
    }
}
