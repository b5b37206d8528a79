#if os(Linux)
import Glibc

package extension FileKind {
    /// `lstat(2)`'s answer for `path`.
    static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The modification time of a regular file, in seconds since 1970, or nil.
    static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    /// The size in bytes of a regular file, or nil (one `lstat`, no account-name lookups).
    static func size(_ path: String) -> UInt64? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return UInt64(info.st_size)
    }

    /// Removes `path` if it is a regular file; never a directory, never what a link points to.
    /// Returns what was there.
    @discardableResult
    static func removeRegularFile(_ path: String) throws(PlatformError) -> FileKind {
        let kind = of(path)
        guard kind == .regular else { return kind }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw PlatformError(message: "\(path): cannot remove: \(String(cString: strerror(errno)))")
        }
        return kind
    }
}
#endif
