import Dispatch

/// Seconds on a clock that never jumps (for elapsed times and latencies).
package enum MonotonicClock {
    package static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

package extension MonotonicClock {
    /// Seconds since `start`, to the millisecond, as printed in boot.log.
    static func secondsText(since start: Double) -> String {
        Seconds.format(((now() - start) * 1000).rounded() / 1000)
    }
}
