import Foundation

/// Windows FILETIME values (100-nanosecond ticks since 1601-01-01 UTC).
package enum FileTime {
    /// Seconds between 1601-01-01 and 1970-01-01.
    static let epochOffsetSeconds: Double = 11_644_473_600

    /// The date of a FILETIME given as its 64-bit tick count.
    package static func date(ticks: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(ticks / 10_000_000) - epochOffsetSeconds + Double(ticks % 10_000_000) / 1e7)
    }

    /// The tick count of a FILETIME given as its two 32-bit halves.
    package static func ticks(low: UInt32, high: UInt32) -> UInt64 {
        UInt64(high) << 32 | UInt64(low)
    }
}
