#if os(Windows)
import WinSDK

/// Runs the daemon under the Windows Service Control Manager: reports RUNNING, turns a stop or
/// shutdown control into the daemon's graceful stop (its invoker tree is stopped, not just the
/// process), and reports STOPPED. Started from a console instead, it simply runs the daemon.
package enum ServiceHost {
    nonisolated(unsafe) private static var body: (() -> Int32)?
    nonisolated(unsafe) private static var stop: (() -> Void)?
    nonisolated(unsafe) private static var handle: SERVICE_STATUS_HANDLE?
    nonisolated(unsafe) private static var name: [WCHAR] = []
    nonisolated(unsafe) private static var exitCode: Int32 = 0

    package static func run(name: String, body: @escaping () -> Int32, stop: @escaping () -> Void) -> Int32 {
        Self.body = body
        Self.stop = stop
        Self.name = Array(name.utf16) + [0]
        let dispatched = Self.name.withUnsafeMutableBufferPointer { buffer -> Bool in
            var table = [
                SERVICE_TABLE_ENTRYW(lpServiceName: buffer.baseAddress, lpServiceProc: { _, _ in ServiceHost.serviceMain() }),
                SERVICE_TABLE_ENTRYW(lpServiceName: nil, lpServiceProc: nil),
            ]
            return StartServiceCtrlDispatcherW(&table)
        }
        // ERROR_FAILED_SERVICE_CONTROLLER_CONNECT: not started by the SCM, so run in this console.
        return dispatched ? exitCode : body()
    }

    private static func serviceMain() {
        handle = name.withUnsafeBufferPointer { buffer in
            RegisterServiceCtrlHandlerExW(buffer.baseAddress, { control, _, _, _ in
                guard control == DWORD(SERVICE_CONTROL_STOP) || control == DWORD(SERVICE_CONTROL_SHUTDOWN) else {
                    return DWORD(ERROR_CALL_NOT_IMPLEMENTED)
                }
                ServiceHost.report(DWORD(SERVICE_STOP_PENDING))
                ServiceHost.stop?()
                return DWORD(NO_ERROR)
            }, nil)
        }
        report(DWORD(SERVICE_RUNNING))
        exitCode = body?() ?? 0
        report(DWORD(SERVICE_STOPPED))
    }

    private static func report(_ state: DWORD) {
        guard let handle else { return }
        var status = SERVICE_STATUS()
        status.dwServiceType = DWORD(SERVICE_WIN32_OWN_PROCESS)
        status.dwCurrentState = state
        status.dwControlsAccepted = state == DWORD(SERVICE_RUNNING) ? DWORD(SERVICE_ACCEPT_STOP) | DWORD(SERVICE_ACCEPT_SHUTDOWN) : 0
        status.dwWin32ExitCode = DWORD(NO_ERROR)
        status.dwWaitHint = state == DWORD(SERVICE_STOP_PENDING) ? 30_000 : 0
        SetServiceStatus(handle, &status)
    }
}
#endif
