#if os(Linux)
import Glibc

/// An exclusive advisory lock on a file (flock), held from `init` until `release` or process exit.
package final class FileLock {
    private let fd: Int32

    /// Opens (creating, never through a link) the lock file and blocks until the lock is ours.
    package convenience init(path: String) throws(PlatformError) {
        guard let lock = try FileLock(path: path, wait: true) else { throw PlatformError(message: "\(path): cannot lock") }
        self.init(holding: lock.take())
    }

    /// Opens the lock file and takes the lock; without `wait`, nil when another process holds it.
    package init?(path: String, wait: Bool) throws(PlatformError) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw PlatformError(message: "\(path): \(String(cString: strerror(errno)))") }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EINTR else {
                close(fd)
                if code == EWOULDBLOCK { return nil }
                throw PlatformError(message: "\(path): cannot lock: \(String(cString: strerror(code)))")
            }
        }
    }

    private init(holding fd: Int32) {
        self.fd = fd
    }

    private func take() -> Int32 {
        released = true
        return fd
    }

    deinit { release() }

    private var released = false

    /// Gives the lock up (also done when the value goes away).
    package func release() {
        guard !released else { return }
        released = true
        flock(fd, LOCK_UN)
        close(fd)
    }
}
#endif
