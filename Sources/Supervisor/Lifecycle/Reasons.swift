/// Why a boot did not give a READY invoker, as outputs, session.json and the summary name it.
package enum NotReadyReason: String, Codable, Equatable, Sendable {
    /// READY not observed in time (also when a handshake failed).
    case timeout
    /// The invoker exited before READY.
    case exited
    /// The invoker could not be started.
    case spawnError = "spawn_error"
    /// A cancel signal arrived before READY.
    case cancelled
    /// The `start` that was booting died.
    case startInterrupted = "start_interrupted"
    /// The READY invoker died later.
    case invokerExited = "invoker_exited"
}

/// Why a warmup or a step did not run.
package enum SkipReason: String, Codable, Equatable, Sendable {
    case invokerNotReady = "invoker_not_ready"
    case invokerExited = "invoker_exited"
    case previousStepFailed = "previous_step_failed"
}
