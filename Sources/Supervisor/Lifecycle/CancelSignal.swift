/// The cancellation requests the supervisor honours (a runner cancel sends these).
public enum CancelSignal: Equatable, Sendable {
    case interrupt
    case terminate

    /// `SIGINT` or `SIGTERM`, as written in boot.log.
    public var name: String { self == .interrupt ? "SIGINT" : "SIGTERM" }

    /// 130 for SIGINT, 143 for SIGTERM: the shell convention the runner understands.
    public var exitCode: Int32 { self == .interrupt ? 130 : 143 }
}
