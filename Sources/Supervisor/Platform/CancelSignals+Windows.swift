#if os(Windows)
import WinSDK

/// Routes console control events to a handler: CTRL_C as SIGINT; CTRL_BREAK, close, logoff and
/// shutdown as SIGTERM (the runner cancels a step with these).
enum CancelSignals {
    private nonisolated(unsafe) static var handler: (@Sendable (CancelSignal) -> Void)?

    /// Installs the handler; call once, before spawning anything.
    static func install(_ handler: @escaping @Sendable (CancelSignal) -> Void) {
        Self.handler = handler
        SetConsoleCtrlHandler({ event in
            guard let handler = CancelSignals.handler else { return false }
            handler(event == DWORD(CTRL_C_EVENT) ? .interrupt : .terminate)
            return true
        }, true)
    }
}
#endif
