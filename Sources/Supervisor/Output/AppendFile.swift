import Foundation

/// A file that other programs read while it grows (boot.log, GITHUB_OUTPUT, the step summary), or
/// write to as well (invoker.log): each `append` is one `write` in append mode, so a reader never
/// sees half an entry of ours and another writer's lines are never overwritten.
/// With a rotation, a file about to pass `maxBytes` is renamed to `.1` (`.1` to `.2`, …, keeping
/// `keep` old files) and started afresh, so a long-lived daemon cannot fill the disk.
final class AppendFile: @unchecked Sendable {
    /// Size-based rotation: start a new file past `maxBytes`, keep `keep` old ones.
    struct Rotation {
        var maxBytes: Int
        var keep: Int
    }

    let path: String
    private let rotation: Rotation?
    private var handle: FileHandle
    private let lock = NSLock()

    /// Opens (creating) `path` for appending; throws when it cannot be opened.
    init(path: String, rotation: Rotation? = nil) throws {
        self.path = path
        self.rotation = rotation
        handle = try openForAppending(path)
    }

    deinit { try? handle.close() }

    /// Appends `text` at the end of the file in one write.
    func append(_ text: String) {
        append(bytes: Array(text.utf8))
    }

    /// Appends raw bytes at the end of the file in one write.
    func append(bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        let end = (try? handle.seekToEnd()) ?? 0
        if let rotation, end > 0, Int(end) + bytes.count > rotation.maxBytes {
            rotate(rotation)
            _ = try? handle.seekToEnd()
        }
        try? handle.write(contentsOf: Data(bytes))
    }

    private func rotate(_ rotation: Rotation) {
        try? handle.close()
        let files = FileManager.default
        try? files.removeItem(atPath: "\(path).\(rotation.keep)")
        for index in stride(from: rotation.keep - 1, through: 1, by: -1) where files.fileExists(atPath: "\(path).\(index)") {
            try? files.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        if rotation.keep > 0 {
            try? files.moveItem(atPath: path, toPath: "\(path).1")
        } else {
            try? files.removeItem(atPath: path)
        }
        if let reopened = try? openForAppending(path) { handle = reopened }
    }
}
