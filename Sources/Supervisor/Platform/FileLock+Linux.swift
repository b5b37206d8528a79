#if os(Linux)
import Glibc

/// An exclusive advisory lock on a file (flock), held from `acquire` until `release` or process exit.
final class FileLock {
    private let fd: Int32

    /// Opens (creating) the lock file and blocks until the lock is ours.
    init(path: String) throws(PlatformError) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PlatformError(message: "\(path): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw PlatformError(message: "\(path): cannot lock: \(message)")
            }
        }
    }

    deinit { release() }

    private var released = false

    /// Gives the lock up (also done when the value goes away).
    func release() {
        guard !released else { return }
        released = true
        flock(fd, LOCK_UN)
        close(fd)
    }
}
#endif
