import SafeText

/// A read GitHub did not answer (after waiting out rate limits): nothing is dispatched on what
/// could not be read, and the reply says what it was.
public struct Unreadable: Error, CustomStringConvertible {
    /// What was being read, for the reply: "the earlier replies on #42".
    public var what: String
    public var response: GitHubAPI.Response

    public init(what: String, response: GitHubAPI.Response) {
        self.what = what
        self.response = response
    }

    /// The reply's reason: `rate_limited` (worth trying again later) or `unavailable`.
    public var code: String { response.isRateLimited ? "rate_limited" : "unavailable" }

    public var detail: String {
        let why = response.isRateLimited
            ? "GitHub's rate limit (HTTP \(response.status): \(MarkdownText.code(response.message))) lasted past this handler's deadline"
            : "GitHub answered HTTP \(response.status): \(MarkdownText.code(response.message))"
        return "could not read \(what): \(why); nothing was dispatched, so post the same comment again in a few minutes"
    }

    /// One line: GitHub's message and the names in it are escaped (`LogText`).
    public var description: String { LogText.escaped("\(code): \(detail)") }
}
