import Foundation

/// Readable, unique sample ids for runs whose comment gives none: `pr42-20261126-110312-3f9a`.
public enum SampleID {
    public static func make(pullRequest: Int, at date: Date, random: UInt16 = UInt16.random(in: 0...UInt16.max)) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let hex = String(random, radix: 16)
        return "pr\(pullRequest)-\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))\(two(parts.second))-"
            + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
