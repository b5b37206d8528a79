import Foundation
import SupervisorPlatform

/// A blocking first-in first-out queue: any thread posts, the driver's loop takes one at a time.
package final class EventQueue<Event>: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [Event] = []

    package func post(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    /// Waits for the next event.
    package func take() -> Event {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty { condition.wait() }
        return events.removeFirst()
    }
}
