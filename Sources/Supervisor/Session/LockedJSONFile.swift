import Foundation
import SupervisorPlatform

/// A small JSON file shared by every supervisor that uses the same state folder (escalation
/// histories, boot times): read and written under an exclusive lock on `<path>.lock`, replaced
/// atomically, so concurrent writers neither lose an update nor leave a half-written file.
package struct LockedJSONFile<Value: Codable & Equatable> {
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Applies `change` to the saved value (`initial` when there is none or it cannot be read)
    /// under the lock and saves it when it changed; returns the result.
    @discardableResult
    package func update(initial: Value, _ change: (inout Value) -> Void) throws -> Value {
        try FileSystem.makeDirectories((path as NSString).deletingLastPathComponent)
        let lock = try FileLock(path: path + ".lock")
        defer { lock.release() }
        var value = initial
        if let data = FileManager.default.contents(atPath: path), let saved = try? JSONDecoder().decode(Value.self, from: data) {
            value = saved
        }
        let before = value
        change(&value)
        if value != before {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(encoder.encode(value), to: path)
        }
        return value
    }
}
