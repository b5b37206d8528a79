import Foundation
import SupervisorPlatform

/// A file that other programs read while it grows (boot.log, GITHUB_OUTPUT, the step summary), or
/// write to as well (invoker.log): each `append` is one append-mode write, so a reader never sees
/// half an entry of ours and another writer's lines are never overwritten. A failed write is
/// reported (`WriteFailures`), never dropped silently.
/// With a rotation, a file about to pass `maxBytes` is renamed to `.1` (`.1` to `.2`, …, keeping
/// `keep` old files) and started afresh, so a long-lived daemon cannot fill the disk.
package final class AppendFile: @unchecked Sendable {
    /// Size-based rotation: start a new file past `maxBytes`, keep `keep` old ones.
    package struct Rotation {
        package var maxBytes: Int
        package var keep: Int
    }

    package let path: String
    private let rotation: Rotation?
    private let followLinks: Bool
    private var file: PlatformFile?
    private let lock = NSLock()

    /// Opens (creating) `path` for appending; throws when it cannot be opened. `followLinks`: the
    /// runner's own files may be links; files in the supervisor's folders may not.
    package init(path: String, rotation: Rotation? = nil, followLinks: Bool = false) throws(PlatformError) {
        self.path = path
        self.rotation = rotation
        self.followLinks = followLinks
        file = try FileSystem.openForAppending(path, followLinks: followLinks)
    }

    deinit { if let file { FileSystem.closeFile(file) } }

    /// Appends `text` at the end of the file in one write.
    package func append(_ text: String) {
        append(bytes: Array(text.utf8))
    }

    /// Appends raw bytes at the end of the file in one write.
    package func append(bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        // The size is read each time: the invoker appends to the same file through its own handle.
        if let rotation, case let size = Self.currentSize(path), size > 0, size + bytes.count > rotation.maxBytes {
            rotate(rotation)
        }
        guard let file else { return }
        do {
            try FileSystem.writeAll(file, bytes, path: path)
        } catch {
            WriteFailures.report(path, error.message)
        }
    }

    private static func currentSize(_ path: String) -> Int {
        Int(FileKind.size(path) ?? 0)
    }

    private func rotate(_ rotation: Rotation) {
        if let file { FileSystem.closeFile(file) }
        file = nil
        let files = FileManager.default
        _ = try? FileKind.removeRegularFile("\(path).\(rotation.keep)")
        for index in stride(from: rotation.keep - 1, through: 1, by: -1) where FileKind.of("\(path).\(index)") == .regular {
            try? files.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        if rotation.keep > 0 {
            try? files.moveItem(atPath: path, toPath: "\(path).1")
        } else {
            _ = try? FileKind.removeRegularFile(path)
        }
        do {
            file = try FileSystem.openForAppending(path, followLinks: followLinks)
        } catch {
            WriteFailures.report(path, error.message)
        }
    }
}
