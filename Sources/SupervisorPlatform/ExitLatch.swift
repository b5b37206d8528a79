import Foundation

/// Holds a child's exit status once its reaper has seen it, and lets other threads wait for it,
/// with timeouts on the monotonic clock (`TimedCondition`), so a wall-clock step cannot stretch one.
package final class ExitLatch: @unchecked Sendable {
    private let condition = TimedCondition()
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
        let deadline = timeout.map { ProcessInfo.processInfo.systemUptime + $0 }
        condition.lock()
        defer { condition.unlock() }
        while status == nil {
            if let deadline {
                let left = deadline - ProcessInfo.processInfo.systemUptime
                if left <= 0 { break }
                condition.wait(seconds: left)
            } else {
                condition.wait()
            }
        }
        return status
    }
}
