import Foundation

/// UTC timestamps as the product writes them: ISO-8601 with milliseconds and `Z`.
enum Timestamp {
    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }()
    private static let lock = NSLock()

    /// `2026-11-26T11:21:29.123Z`.
    static func iso8601(_ date: Date) -> String {
        lock.lock()
        defer { lock.unlock() }
        return formatter.string(from: date)
    }
}
