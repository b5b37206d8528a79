import Foundation
import SupervisorPlatform

/// Holds the child a background thread started (the handshake), so the driver can stop it.
package final class ChildSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var child: ChildProcess?

    package func set(_ value: ChildProcess) {
        lock.lock()
        child = value
        lock.unlock()
    }

    /// The child, which the slot no longer holds afterwards.
    package func take() -> ChildProcess? {
        lock.lock()
        defer { lock.unlock() }
        defer { child = nil }
        return child
    }
}
