import Foundation

/// GitHub's documented rules for a rate-limited answer (REST API, "Rate limits for the REST API"):
/// whether an answer is one, and how long to wait before trying again.
public enum RateLimit {
    /// The shortest wait for a secondary limit that names no time: one minute, doubled per attempt.
    public static let secondaryWaitSeconds = 60.0

    /// Whether GitHub refused the request for a rate limit: a 429, or a 403 that says so in its
    /// headers (`retry-after`, `x-ratelimit-remaining: 0`) or its message.
    public static func applies(status: Int, headers: [String: String], message: String?) -> Bool {
        if status == 429 { return true }
        guard status == 403 else { return false }
        return headers["retry-after"] != nil || headers["x-ratelimit-remaining"] == "0"
            || (message?.lowercased().contains("rate limit") ?? false)
    }

    /// Seconds to wait before retry number `attempt` (1 for the first): `retry-after`, else until
    /// `x-ratelimit-reset` when nothing remains, else at least a minute, doubling each attempt.
    public static func wait(headers: [String: String], attempt: Int, now: Date) -> Double {
        if let seconds = headers["retry-after"].flatMap(Double.init), seconds >= 0 { return seconds }
        if headers["x-ratelimit-remaining"] == "0", let reset = headers["x-ratelimit-reset"].flatMap(Double.init) {
            return max(0, reset - now.timeIntervalSince1970) + 1
        }
        return secondaryWaitSeconds * Double(1 << min(max(0, attempt - 1), 10))
    }
}
