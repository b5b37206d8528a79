/// The cancellation requests the supervisor honours (a runner cancel sends these; a closed
/// terminal or session sends SIGHUP, on Windows a console close, logoff or shutdown event).
package enum CancelSignal: Equatable, Sendable {
    case interrupt
    case terminate
    case hangup

    /// `SIGINT`, `SIGTERM` or `SIGHUP`, as written in boot.log.
    package var name: String {
        switch self {
        case .interrupt: "SIGINT"
        case .terminate: "SIGTERM"
        case .hangup: "SIGHUP"
        }
    }

    /// 128 + the signal number (130, 143, 129): the shell convention the runner understands.
    package var exitCode: Int32 {
        switch self {
        case .interrupt: 130
        case .terminate: 143
        case .hangup: 129
        }
    }
}
