import SupervisorPlatform

/// Why one attempt to bring the invoker to READY failed.
package enum AttemptFailure: Equatable, Sendable, CustomStringConvertible {
    /// READY was not observed within the per-attempt timeout.
    case timedOut(seconds: Double)
    /// The invoker exited before READY.
    case exitedEarly(ProcessExit)
    /// The invoker could not be started at all (the OS error).
    case spawnError(String)
    /// READY was signalled but the handshake command failed or timed out.
    case handshakeFailed(String)

    /// The reason code used in GitHub outputs and the summary: `timeout`, `exited` or `spawn_error`.
    /// A failed handshake counts as `timeout`: READY never counted within the attempt.
    package var reason: NotReadyReason {
        switch self {
        case .timedOut, .handshakeFailed: .timeout
        case .exitedEarly: .exited
        case .spawnError: .spawnError
        }
    }

    /// A short phrase for `lastError=` in boot.log.
    package var description: String {
        switch self {
        case .timedOut(let seconds): return "timeout after \(Seconds.format(seconds)) s"
        case .exitedEarly(let exit): return "exited early \(exit)"
        case .spawnError(let message): return "spawn error: \(message)"
        case .handshakeFailed(let detail): return "handshake failed: \(detail)"
        }
    }
}
