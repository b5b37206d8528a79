#if os(Linux)
import Glibc

/// Wakes a waiting thread when an entry of one directory is created, written, renamed into it or
/// changes attributes (inotify), so a READY file is seen when it appears, not at the next poll.
package final class DirectoryWatch {
    private let descriptor: Int32

    /// nil when the directory cannot be watched (it does not exist yet, or the system refuses).
    package static func open(_ directory: String) -> DirectoryWatch? {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        guard inotify_add_watch(descriptor, directory, UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB)) >= 0 else {
            close(descriptor)
            return nil
        }
        return DirectoryWatch(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Returns when something in the directory changed since the last call, or after `timeout` seconds.
    package func wait(timeout: Double) {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(max(0, timeout) * 1000)) > 0 else { return }
        // Drain the queued events: only "something changed" matters.
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
#endif
