import Foundation

/// A file that other programs read while it grows (boot.log, GITHUB_OUTPUT, the step summary):
/// each `append` is one `write` in append mode, so a reader never sees half an entry of ours.
final class AppendFile: @unchecked Sendable {
    let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens (creating) `path` for appending; throws when it cannot be opened.
    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Appends `text` at the end of the file in one write.
    func append(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }

    /// Appends raw bytes at the end of the file in one write.
    func append(bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(bytes))
    }
}
