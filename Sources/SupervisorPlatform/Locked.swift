import Foundation

/// A value shared between threads, read and changed only under its lock.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value while holding the lock.
    @discardableResult
    package func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    /// The current value.
    package var current: Value { withLock { $0 } }
}

extension Locked {
    /// The value, with `replacement` put in its place.
    package func exchange(_ replacement: Value) -> Value {
        withLock { value in
            defer { value = replacement }
            return value
        }
    }
}
