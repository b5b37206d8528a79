import SupervisorPlatform

/// A blocking first-in first-out queue: any thread posts, the driver's loop takes one at a time.
/// It also holds the driver's timers, which fire inside `take()` on the monotonic clock — no
/// timer thread and no libdispatch, so a driver waiting on a long step wakes only for its events
/// and its own timers — and are all cancelled at once when the driver ends.
package final class EventQueue<Event: Sendable>: @unchecked Sendable {
    private let condition = TimedCondition()
    /// Posted events with the monotonic time they were posted, oldest first.
    private var events: [(at: Double, event: Event)] = []
    /// Pending timers with the monotonic time they are due, earliest first.
    private var timers: [(due: Double, event: Event)] = []

    package init() {}

    package func post(_ event: Event) {
        condition.lock()
        events.append((MonotonicClock.now(), event))
        condition.signal()
        condition.unlock()
    }

    /// Posts `event` after `seconds`, unless the timers are cancelled first.
    package func post(_ event: Event, after seconds: Double) {
        condition.lock()
        let due = MonotonicClock.now() + seconds
        timers.insert((due, event), at: timers.firstIndex { $0.due > due } ?? timers.count)
        condition.signal()
        condition.unlock()
    }

    /// Cancels every pending timer.
    package func cancelTimers() {
        condition.lock()
        timers.removeAll()
        condition.unlock()
    }

    /// Waits for the next event; a timer that came due counts as posted at its due time, so it
    /// comes before events posted after that even when the driver was busy when it came due.
    package func take() -> Event {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let now = MonotonicClock.now()
            while let timer = timers.first, timer.due <= now {
                timers.removeFirst()
                events.insert((timer.due, timer.event), at: events.firstIndex { $0.at > timer.due } ?? events.count)
            }
            if !events.isEmpty { return events.removeFirst().event }
            if let due = timers.first?.due { condition.wait(seconds: due - now) } else { condition.wait() }
        }
    }
}
