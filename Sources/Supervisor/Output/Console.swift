import Foundation
import SupervisorPlatform

/// The supervisor's own stdout and stderr, written line by line and flushed at once
/// so the job log shows progress live.
package enum Console {
    private static let lock = NSLock()

    package static func out(_ line: String) { write(line, to: FileHandle.standardOutput) }
    package static func err(_ line: String) { write(line, to: FileHandle.standardError) }

    private static func write(_ line: String, to handle: FileHandle) {
        lock.lock()
        defer { lock.unlock() }
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
