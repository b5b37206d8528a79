import Foundation

/// `dispatch poll`: finds new PR comments of one repository with conditional requests (a 304
/// costs no rate limit) and hands each `/run` comment to the handler. Its cursor, the comments it
/// has handled and its replies' records live in a state file, saved after every comment, so a
/// restart neither loses nor repeats a command.
public final class CommentPoller {
    /// What survives a restart.
    struct State: Codable {
        var etag: String?
        /// `created_at` of the newest comment handled.
        var since: String?
        var handled: [Int] = []
        var records: [DispatchRecord] = []
        /// Heads of same-repository PRs, looked up once (a fork's is looked up each time: its SHA is
        /// dispatched). Not `heads`, which older versions wrote without the SHA and base.
        var pullHeads: [String: PullRequestHead] = [:]
    }

    static let keepHandled = 5000
    static let keepRecordsSeconds = 86400.0

    private let repository: String
    private var api: GitHubAPI
    /// How long one poll's own reads (the listing, PR lookups) wait out rate limits.
    static let readDeadlineSeconds = 120.0
    private let handler: CommentHandler
    private let statePath: String

    public init(repository: String, api: GitHubAPI, handler: CommentHandler, statePath: String) {
        self.repository = repository
        self.api = api
        self.handler = handler
        self.statePath = statePath
    }

    /// One poll: the outcomes of the `/run` comments it handled.
    public func pollOnce() throws -> [CommentHandler.Outcome] {
        api.deadline = Date().addingTimeInterval(Self.readDeadlineSeconds)
        var state = load()
        let cutoff = Date().timeIntervalSince1970 - Self.keepRecordsSeconds
        handler.localRecords = state.records.filter { $0.at >= cutoff }
        var query = [("sort", "created"), ("direction", "asc"), ("per_page", "100")]
        if let since = state.since { query.append(("since", since)) }
        let response = api.send("GET", "/repos/\(repository)/issues/comments", query: query,
                                headers: state.etag.map { ["If-None-Match": $0] } ?? [:])
        if response.status == 304 { return [] }
        guard response.isSuccess, let comments = response.json as? [[String: Any]] else {
            throw Unreadable(what: "the comments of \(repository)", response: response)
        }
        state.etag = response.headers["etag"]
        var outcomes: [CommentHandler.Outcome] = []
        for item in comments {
            guard let id = (item["id"] as? NSNumber)?.intValue, !state.handled.contains(id) else { continue }
            state.since = item["created_at"] as? String ?? state.since
            state.handled = Array((state.handled + [id]).suffix(Self.keepHandled))
            if let comment = pullRequestComment(item),
               let outcome = handler.handle(comment, head: { () throws(Unreadable) in try head(of: comment.pullRequest, state: &state) }) {
                outcomes.append(outcome)
            }
            state.records = handler.localRecords ?? []
            try save(state)
        }
        try save(state)
        return outcomes
    }

    /// The comment as a PR comment, its head not yet known (empty), or nil when it is not on a pull request.
    private func pullRequestComment(_ item: [String: Any]) -> PullRequestComment? {
        guard (item["html_url"] as? String)?.contains("/pull/") == true,
              let number = (item["issue_url"] as? String)?.split(separator: "/").last.flatMap({ Int($0) }) else { return nil }
        return PullRequestComment(repository: repository, pullRequest: number, comment: item)
    }

    /// The PR's head: a same-repository PR's is looked up once, a fork's each time (its SHA is dispatched).
    private func head(of number: Int, state: inout State) throws(Unreadable) -> PullRequestHead {
        if let cached = state.pullHeads[String(number)], cached.repository == repository { return cached }
        let head = try PullRequestHead.fetch(repository: repository, number: number, api: api)
        if head.repository == repository { state.pullHeads[String(number)] = head }
        return head
    }

    private func load() -> State {
        FileManager.default.contents(atPath: statePath).flatMap { try? JSONDecoder().decode(State.self, from: $0) } ?? State()
    }

    private func save(_ state: State) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(state).write(to: URL(fileURLWithPath: statePath), options: .atomic)
    }
}
