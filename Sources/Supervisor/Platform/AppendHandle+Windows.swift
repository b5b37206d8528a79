#if os(Windows)
import Foundation

/// A handle for appending. Windows has no O_APPEND for this handle type, so each write is preceded
/// by a seek to the end (AppendFile does it); a line written by another process in between can be
/// overwritten — a known limitation on Windows.
func openForAppending(_ path: String) throws -> FileHandle {
    if !FileManager.default.fileExists(atPath: path) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    return handle
}
#endif
