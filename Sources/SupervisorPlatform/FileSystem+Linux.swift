#if os(Linux)
import Foundation
import Glibc

package extension FileSystem {
    /// Writes `bytes` to `path` through an exclusively created temporary file (`O_EXCL |
    /// O_NOFOLLOW`) and a rename, so readers see the old file or the new one. A target that is a
    /// link, a folder or a device is refused; on any failure the target is left as it was.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlatformError) {
        try checkReplaceable(path)
        let temporary = temporaryName(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file") }
        fchmod(fd, 0o644)
        do throws(PlatformError) {
            try writeAll(fd, bytes, path: path)
            guard close(fd) == 0 else { throw failure(path, "cannot write") }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot replace")
            unlink(temporary)
            throw error
        }
    }

    /// Opens `path` for appending (creating it 0644). With `followLinks` false (files in folders the
    /// supervisor owns) a link at `path` is refused; the runner's own files (`GITHUB_OUTPUT`, the
    /// step summary) are opened as given.
    static func openForAppending(_ path: String, followLinks: Bool) throws(PlatformError) -> Int32 {
        let noFollow = followLinks ? 0 : O_NOFOLLOW
        var fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | noFollow, 0o644)
        if fd >= 0 {
            fchmod(fd, 0o644)
            return fd
        }
        guard errno == EEXIST else { throw failure(path, "cannot open") }
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | noFollow)
        guard fd >= 0 else {
            throw errno == ELOOP ? PlatformError(message: "\(path): is a symbolic link; refusing to write through it")
                                 : failure(path, "cannot open")
        }
        return fd
    }

    /// Writes all of `bytes` to `fd`, or throws naming `path` and the system's reason (ENOSPC…).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(PlatformError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write")
            }
            offset += written
        }
    }

    static func closeFile(_ fd: Int32) {
        close(fd)
    }

    /// Creates `path` and any missing parent folders, each 0755; existing folders are left as they are.
    static func makeDirectories(_ path: String) throws(PlatformError) {
        if FileKind.of(path) == .directory { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) == 0 {
            chmod(path, 0o755)
        } else if errno != EEXIST || FileKind.of(path) != .directory {
            throw failure(path, "cannot create the folder")
        }
    }

    private static func failure(_ path: String, _ what: String) -> PlatformError {
        PlatformError(message: "\(path): \(what): \(String(cString: strerror(errno)))")
    }
}
#endif

#if os(Linux)
/// The open file type of this platform.
package typealias PlatformFile = Int32
#endif
