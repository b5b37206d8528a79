import Foundation

/// Waiting for something that gives no event to wait on (a file another process writes, a process
/// that appears, a tree that empties): look, pause `interval`, look again, until `seconds` pass.
package enum Polling {
    /// The first non-nil result of `look`, or nil once `seconds` have passed (one last look included).
    package static func first<Result>(within seconds: Double, every interval: Double, _ look: () -> Result?) -> Result? {
        let deadline = ProcessInfo.processInfo.systemUptime + seconds
        while true {
            if let result = look() { return result }
            let left = deadline - ProcessInfo.processInfo.systemUptime
            if left <= 0 { return nil }
            Thread.sleep(forTimeInterval: min(interval, left))
        }
    }

    /// Whether `condition` became true within `seconds`.
    package static func until(within seconds: Double, every interval: Double, _ condition: () -> Bool) -> Bool {
        first(within: seconds, every: interval) { condition() ? true : nil } ?? false
    }
}
