#if os(Windows)
import WinSDK

/// Routes console control events to a handler: CTRL_C as SIGINT, CTRL_BREAK as SIGTERM (the
/// runner cancels a step with these); console close, logoff and shutdown as SIGHUP.
package enum CancelSignals {
    private nonisolated(unsafe) static var handler: (@Sendable (CancelSignal) -> Void)?

    /// Installs the handler; call once, before spawning anything.
    package static func install(_ handler: @escaping @Sendable (CancelSignal) -> Void) {
        Self.handler = handler
        SetConsoleCtrlHandler({ event in
            guard let handler = CancelSignals.handler else { return false }
            switch event {
            case DWORD(CTRL_C_EVENT): handler(.interrupt)
            case DWORD(CTRL_BREAK_EVENT): handler(.terminate)
            default: handler(.hangup)
            }
            return true
        }, true)
    }
}
#endif
