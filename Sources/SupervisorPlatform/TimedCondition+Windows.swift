#if os(Windows)
import WinSDK

/// A lock and a condition whose timed waits are relative (Windows measures them on its
/// monotonic tick), so a wall-clock step can neither stretch nor cut a timeout.
package final class TimedCondition: @unchecked Sendable {
    private let srwLock = UnsafeMutablePointer<SRWLOCK>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<CONDITION_VARIABLE>.allocate(capacity: 1)

    package init() {
        InitializeSRWLock(srwLock)
        InitializeConditionVariable(condition)
    }

    deinit {
        condition.deallocate()
        srwLock.deallocate()
    }

    package func lock() { AcquireSRWLockExclusive(srwLock) }
    package func unlock() { ReleaseSRWLockExclusive(srwLock) }
    /// Wakes one waiter; call with the lock held.
    package func signal() { WakeConditionVariable(condition) }
    /// Wakes every waiter; call with the lock held.
    package func broadcast() { WakeAllConditionVariable(condition) }
    /// Waits for a signal; call with the lock held.
    package func wait() { _ = SleepConditionVariableSRW(condition, srwLock, INFINITE, 0) }

    /// Waits for a signal or `seconds`, whichever comes first; call with the lock held.
    package func wait(seconds: Double) {
        let milliseconds = DWORD(min(max(0, seconds * 1000).rounded(.up), Double(INFINITE - 1)))
        _ = SleepConditionVariableSRW(condition, srwLock, milliseconds, 0)
    }
}
#endif
