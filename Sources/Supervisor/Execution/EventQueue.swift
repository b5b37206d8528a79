import Foundation
import SupervisorPlatform

/// A blocking first-in first-out queue: any thread posts, the driver's loop takes one at a time.
/// It also owns the driver's timers, so every timer is cancellable and all are cancelled at once
/// when the driver ends (a finished boot then holds no memory through a pending timer).
package final class EventQueue<Event: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [Event] = []
    /// Pending timers by a serial number; a timer leaves when it fires or is cancelled.
    private let timers = Locked<(next: Int, pending: [Int: DispatchSourceTimer])>((0, [:]))

    package func post(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    /// Posts `event` after `seconds`, unless the timers are cancelled first.
    package func post(_ event: Event, after seconds: Double) {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + seconds)
        let id = timers.withLock { state in
            state.next += 1
            state.pending[state.next] = timer
            return state.next
        }
        timer.setEventHandler { [weak self] in
            self?.timers.withLock { _ = $0.pending.removeValue(forKey: id) }
            self?.post(event)
        }
        timer.resume()
    }

    /// Cancels every pending timer.
    package func cancelTimers() {
        timers.withLock { state in
            state.pending.values.forEach { $0.cancel() }
            state.pending.removeAll()
        }
    }

    /// Waits for the next event.
    package func take() -> Event {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty { condition.wait() }
        return events.removeFirst()
    }
}
