#if os(Windows)
import WinSDK

/// An exclusive lock on a file (LockFileEx), held from `acquire` until `release` or process exit.
final class FileLock {
    private let handle: HANDLE

    /// Opens (creating) the lock file and blocks until the lock is ours.
    init(path: String) throws(PlatformError) {
        let opened = path.withCString(encodedAs: UTF16.self) {
            CreateFileW($0, DWORD(GENERIC_READ) | DWORD(GENERIC_WRITE), DWORD(FILE_SHARE_READ) | DWORD(FILE_SHARE_WRITE) | DWORD(FILE_SHARE_DELETE),
                        nil, DWORD(OPEN_ALWAYS), DWORD(FILE_ATTRIBUTE_NORMAL), nil)
        }
        guard let opened, opened != INVALID_HANDLE_VALUE else { throw PlatformError(message: "\(path): cannot open (Windows error \(GetLastError()))") }
        var overlapped = OVERLAPPED()
        guard LockFileEx(opened, DWORD(LOCKFILE_EXCLUSIVE_LOCK), 0, 1, 0, &overlapped) else {
            CloseHandle(opened)
            throw PlatformError(message: "\(path): cannot lock (Windows error \(GetLastError()))")
        }
        handle = opened
    }

    deinit { release() }

    private var released = false

    /// Gives the lock up (also done when the value goes away).
    func release() {
        guard !released else { return }
        released = true
        var overlapped = OVERLAPPED()
        UnlockFileEx(handle, 0, 1, 0, &overlapped)
        CloseHandle(handle)
    }
}
#endif
