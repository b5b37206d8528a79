import Foundation

/// Holds a child's exit status once its reaper has seen it, and lets other threads wait for it.
package final class ExitLatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var status: ProcessExit?

    package init() {}

    /// Records the exit and wakes every waiter.
    package func set(_ exit: ProcessExit) {
        condition.lock()
        status = exit
        condition.broadcast()
        condition.unlock()
    }

    /// The exit status, if the child has exited.
    package var value: ProcessExit? {
        condition.lock()
        defer { condition.unlock() }
        return status
    }

    /// Blocks until the child has exited, or until `timeout` seconds pass (then nil).
    package func wait(timeout: Double?) -> ProcessExit? {
        let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
        condition.lock()
        defer { condition.unlock() }
        while status == nil {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        return status
    }
}
