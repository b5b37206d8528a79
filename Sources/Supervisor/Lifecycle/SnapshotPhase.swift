/// The moments of a run at which the watched processes are snapshotted.
package enum SnapshotPhase: Equatable, Sendable {
    /// Before the first invoker attempt.
    case preInvoker
    /// After READY, or after the last failed attempt.
    case postInvoker
    /// After the warmup is done (exited, saw its process, or left running).
    case postWarmup
    /// Before the heavy step at this index.
    case preStep(Int)
    /// After the heavy step at this index.
    case postStep(Int)
    /// At the end: after the invoker tree was stopped, or the run was cancelled (none when the invoker is kept).
    case postStop

    /// The phase name in snapshots.ndjson and boot.log: `pre-invoker`, `pre-step:compare`, ….
    package func name(stepNames: [String]) -> String {
        switch self {
        case .preInvoker: return "pre-invoker"
        case .postInvoker: return "post-invoker"
        case .postWarmup: return "post-warmup"
        case .preStep(let index): return "pre-step:\(stepNames[index])"
        case .postStep(let index): return "post-step:\(stepNames[index])"
        case .postStop: return "post-stop"
        }
    }
}
