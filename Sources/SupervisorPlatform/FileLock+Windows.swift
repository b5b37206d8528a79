#if os(Windows)
import WinSDK

/// An exclusive lock on a file (LockFileEx), held from `acquire` until `release` or process exit.
package final class FileLock {
    private let handle: HANDLE

    /// Opens (creating) the lock file and blocks until the lock is ours.
    package convenience init(path: String) throws(PlatformError) {
        guard let lock = try FileLock(path: path, wait: true) else { throw PlatformError(message: "\(path): cannot lock") }
        self.init(holding: lock.take())
    }

    private init(holding handle: HANDLE) {
        self.handle = handle
    }

    private func take() -> HANDLE {
        released = true
        return handle
    }

    /// Opens the lock file and takes the lock; without `wait`, nil when another process holds it.
    package init?(path: String, wait: Bool) throws(PlatformError) {
        let opened = path.withCString(encodedAs: UTF16.self) {
            CreateFileW($0, DWORD(GENERIC_READ) | DWORD(GENERIC_WRITE), DWORD(FILE_SHARE_READ) | DWORD(FILE_SHARE_WRITE) | DWORD(FILE_SHARE_DELETE),
                        nil, DWORD(OPEN_ALWAYS), DWORD(FILE_ATTRIBUTE_NORMAL) | DWORD(FILE_FLAG_OPEN_REPARSE_POINT), nil)
        }
        guard let opened, opened != INVALID_HANDLE_VALUE else { throw PlatformError(message: "\(path): cannot open (Windows error \(GetLastError()))") }
        var overlapped = OVERLAPPED()
        let flags = DWORD(LOCKFILE_EXCLUSIVE_LOCK) | (wait ? 0 : DWORD(LOCKFILE_FAIL_IMMEDIATELY))
        guard LockFileEx(opened, flags, 0, 1, 0, &overlapped) else {
            let code = GetLastError()
            CloseHandle(opened)
            if code == DWORD(ERROR_LOCK_VIOLATION) { return nil }
            throw PlatformError(message: "\(path): cannot lock (Windows error \(code))")
        }
        handle = opened
    }

    deinit { release() }

    private var released = false

    /// Gives the lock up (also done when the value goes away).
    package func release() {
        guard !released else { return }
        released = true
        var overlapped = OVERLAPPED()
        UnlockFileEx(handle, 0, 1, 0, &overlapped)
        CloseHandle(handle)
    }
}
#endif
