#if os(Linux)
import Glibc

/// A lock and a condition whose timed waits run on the monotonic clock, so a wall-clock step
/// (NTP, a manual change) can neither stretch nor cut a timeout. Used without libdispatch, whose
/// worker monitor would wake the process every second.
package final class TimedCondition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    package init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }
    /// Wakes one waiter; call with the lock held.
    package func signal() { pthread_cond_signal(condition) }
    /// Wakes every waiter; call with the lock held.
    package func broadcast() { pthread_cond_broadcast(condition) }
    /// Waits for a signal; call with the lock held.
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits for a signal or `seconds`, whichever comes first; call with the lock held.
    package func wait(seconds: Double) {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanoseconds = Int(deadline.tv_nsec) + Int((max(0, seconds).truncatingRemainder(dividingBy: 1)) * 1e9)
        deadline.tv_sec += Int(min(max(0, seconds), 1e9)) + nanoseconds / 1_000_000_000
        deadline.tv_nsec = nanoseconds % 1_000_000_000
        pthread_cond_timedwait(condition, mutex, &deadline)
    }
}
#endif
