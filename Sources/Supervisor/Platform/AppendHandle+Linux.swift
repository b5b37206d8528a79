#if os(Linux)
import Foundation
import Glibc

/// A handle whose every write lands at the end of the file (O_APPEND), even while another process
/// (the invoker, through its own append-mode handle) writes to the same file.
func openForAppending(_ path: String) throws -> FileHandle {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
    return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
}
#endif
