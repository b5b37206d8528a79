import Foundation

/// One comment on a pull request, with what the dispatcher needs to know about the PR.
public struct PullRequestComment: Equatable, Sendable {
    public var repository: String
    public var pullRequest: Int
    public var commentID: Int
    public var commentURL: String
    public var author: String
    /// `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `NONE`, …
    public var authorAssociation: String
    public var body: String
    /// The PR's head branch and the repository it lives in: another one for a fork, empty when
    /// that repository was deleted.
    public var headRef: String
    public var headRepository: String
    /// The PR's head commit and base branch (a fork's PR is dispatched on its base branch).
    public var headSHA: String
    public var baseRef: String

    public var isFromFork: Bool { headRepository != repository }

    public init(repository: String, pullRequest: Int, commentID: Int, commentURL: String, author: String,
                authorAssociation: String, body: String, headRef: String, headRepository: String,
                headSHA: String = "", baseRef: String = "") {
        self.repository = repository
        self.pullRequest = pullRequest
        self.commentID = commentID
        self.commentURL = commentURL
        self.author = author
        self.authorAssociation = authorAssociation
        self.body = body
        self.headRef = headRef
        self.headRepository = headRepository
        self.headSHA = headSHA
        self.baseRef = baseRef
    }

    /// A comment on pull request `number` as GitHub's REST API and the `issue_comment` payload
    /// give it (`id`, `html_url`, `user.login`, `author_association`, `body`), its PR's head not yet
    /// known (empty); nil without an id.
    public init?(repository: String, pullRequest number: Int, comment item: [String: Any]) {
        guard let id = (item["id"] as? NSNumber)?.intValue else { return nil }
        self.init(repository: repository, pullRequest: number, commentID: id, commentURL: item["html_url"] as? String ?? "",
                  author: (item["user"] as? [String: Any])?["login"] as? String ?? "",
                  authorAssociation: item["author_association"] as? String ?? "NONE", body: item["body"] as? String ?? "",
                  headRef: "", headRepository: "")
    }

    /// This comment on the PR `head` describes.
    public func on(_ head: PullRequestHead) -> PullRequestComment {
        var comment = self
        comment.headRef = head.ref
        comment.headRepository = head.repository
        comment.headSHA = head.sha
        comment.baseRef = head.baseRef
        return comment
    }
}

/// What `GET /repos/{o}/{r}/pulls/{n}` says about a PR's head and base.
public struct PullRequestHead: Codable, Equatable, Sendable {
    public var ref: String
    /// `owner/name` of the head repository; empty when it was deleted (`head.repo` is null).
    public var repository: String
    public var sha: String
    public var baseRef: String

    /// Reads the PR; a failed lookup is `Unreadable`.
    public static func fetch(repository: String, number: Int, api: GitHubAPI) throws(Unreadable) -> PullRequestHead {
        let pull = api.send("GET", "/repos/\(repository)/pulls/\(number)", timeout: CommentHandler.preAckTimeout)
        let object = pull.json as? [String: Any]
        let head = object?["head"] as? [String: Any]
        guard pull.isSuccess, let ref = head?["ref"] as? String else {
            throw Unreadable(what: "pull request #\(number) (the token needs pull-requests: read)", response: pull)
        }
        return PullRequestHead(ref: ref, repository: ((head?["repo"] as? [String: Any])?["full_name"] as? String) ?? "",
                               sha: head?["sha"] as? String ?? "", baseRef: (object?["base"] as? [String: Any])?["ref"] as? String ?? "")
    }
}

/// The machine-readable block every dispatcher reply carries, hidden in an HTML comment:
/// `<!-- invoker-supervisor-dispatch {json} -->`. It is how the dispatcher remembers, on GitHub
/// itself, what it did for a PR (duplicates, `/run status`, `/run rerun`).
public struct DispatchRecord: Codable, Equatable, Sendable {
    public static let marker = "invoker-supervisor-dispatch"

    public var kind: String
    public var pullRequest: Int
    public var commentID: Int
    public var inputs: DispatchInputs?
    /// Whether the comment gave the sample id (duplicates compare it only then).
    public var sampleIDGiven: Bool
    public var dispatchID: String?
    public var runURL: String?
    /// Seconds since 1970 when the reply was made.
    public var at: Double

    /// The hidden block for a reply.
    public var hidden: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "<!-- \(Self.marker) \(json.replacingOccurrences(of: "--", with: "\\u002d\\u002d")) -->"
    }

    /// The record hidden in a comment body, if any: the last one, as a reply ends with its own and
    /// what it echoes (a branch name, GitHub's message) comes before.
    public static func find(in body: String) -> DispatchRecord? {
        guard let start = body.range(of: "<!-- \(marker) ", options: .backwards), let end = body.range(of: " -->", range: start.upperBound..<body.endIndex) else { return nil }
        return try? JSONDecoder().decode(DispatchRecord.self, from: Data(body[start.upperBound..<end.lowerBound].utf8))
    }
}
