#if os(Windows)
import WinSDK

/// Wakes a waiting thread when an entry of one directory is created, written, renamed into it or
/// changes attributes (a change notification (FindFirstChangeNotificationW)), so a READY file is seen when it appears, not at the next poll.
package final class DirectoryWatch {
    private let handle: HANDLE

    /// nil when the directory cannot be watched (it does not exist yet, or the system refuses).
    package static func open(_ directory: String) -> DirectoryWatch? {
        let filter = DWORD(FILE_NOTIFY_CHANGE_FILE_NAME) | DWORD(FILE_NOTIFY_CHANGE_LAST_WRITE) | DWORD(FILE_NOTIFY_CHANGE_ATTRIBUTES)
        let handle = directory.withCString(encodedAs: UTF16.self) { FindFirstChangeNotificationW($0, false, filter) }
        guard let handle, handle != INVALID_HANDLE_VALUE else { return nil }
        return DirectoryWatch(handle: handle)
    }

    private init(handle: HANDLE) {
        self.handle = handle
    }

    deinit { FindCloseChangeNotification(handle) }

    /// Returns when something in the directory changed since the last call, or after `timeout` seconds.
    package func wait(timeout: Double) {
        guard WaitForSingleObject(handle, DWORD(max(0, timeout) * 1000)) == WAIT_OBJECT_0 else { return }
        FindNextChangeNotification(handle)
    }
}
#endif
