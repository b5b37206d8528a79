import Foundation
import SafeText

/// The dispatcher's core for one `/run` comment: parse → authorize → decide → acknowledge →
/// dispatch → follow up. Every `/run` comment gets a reply: a dispatch with links, or a concrete reason.
public final class CommentHandler {
    /// What handling one comment came to.
    public struct Outcome: Equatable {
        /// `dispatched`, `initializing`, `failed`, or the refusal reason (`malformed`, `disabled`, `fork`,
        /// `unauthorized`, `duplicate`, `rate_limited`, `unavailable`), or `status`.
        public var code: String
        public var replyID: Int?
        public var runURL: String?
    }

    private let config: DispatchConfig
    private var api: GitHubAPI
    private let serverURL: String
    private let now: () -> Date
    private let pause: (Double) -> Void
    /// The calls before the acknowledgement (PR lookup, permission, earlier replies, busy check)
    /// each get this long, so the ack is posted within 10 s of handling.
    public static let preAckTimeout: TimeInterval = 2
    /// The dispatcher's memory of its replies when it keeps one itself (`dispatch poll`); nil: the
    /// PR's comments are the memory (`dispatch event`, no state between workflow runs).
    public var localRecords: [DispatchRecord]?

    public init(config: DispatchConfig, api: GitHubAPI, serverURL: String, now: @escaping () -> Date = Date.init,
                pause: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.config = config
        self.api = api
        self.serverURL = serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
        self.now = now
        self.pause = pause
    }

    /// Handles one comment; nil when it is not a `/run` comment. Rate-limited calls are waited out
    /// as GitHub says for at most `config.deadlineSeconds` from `pickedUp` (default: now).
    public func handle(_ comment: PullRequestComment, pickedUp: Date? = nil) -> Outcome? {
        guard let request = RunRequest.parse(comment.body) else { return nil }
        api.deadline = (pickedUp ?? now()).addingTimeInterval(config.deadlineSeconds)
        do {
            switch request {
            case .malformed(let problem):
                return refuse(comment, "malformed", problem, inputs: nil)
            case .status:
                return try status(comment)
            case .rerun:
                guard let last = try records(comment).last(where: { $0.kind == "ack" || $0.kind == "failed" }), let inputs = last.inputs else {
                    return refuse(comment, "malformed", "there is no earlier `/run orchestrated` on #\(comment.pullRequest) to re-run", inputs: nil)
                }
                return try orchestrate(comment, inputs: inputs, sampleIDGiven: true)
            case .orchestrated(let inputs):
                return try orchestrate(comment, inputs: inputs, sampleIDGiven: inputs.sampleID != nil)
            }
        } catch let failure as Unreadable {
            return refuse(comment, failure.code, failure.detail, inputs: nil)
        } catch {
            return refuse(comment, "unavailable", "\(error)", inputs: nil)
        }
    }

    /// Handles a comment whose pull request's head is read by `head` only when it is a `/run`
    /// comment; one whose pull request cannot be read is still answered, with the reason.
    public func handle(_ comment: PullRequestComment, head: () throws(Unreadable) -> PullRequestHead, pickedUp: Date? = nil) -> Outcome? {
        guard RunRequest.parse(comment.body) != nil else { return nil }
        do {
            return handle(comment.on(try head()), pickedUp: pickedUp)
        } catch {
            return refuse(comment, error.code, error.detail, inputs: nil)
        }
    }

    // MARK: - Steps

    private func orchestrate(_ comment: PullRequestComment, inputs given: DispatchInputs, sampleIDGiven: Bool) throws -> Outcome {
        guard config.enabled else {
            return refuse(comment, "disabled", "dispatch is turned off in the dispatcher's config (`enabled: false`)", inputs: given)
        }
        guard config.strategies.contains(given.strategy) else {
            return refuse(comment, "disabled", "strategy `\(given.strategy.rawValue)` is turned off in the dispatcher's config (`strategies`)", inputs: given)
        }
        if comment.headRepository.isEmpty {
            return refuse(comment, "fork", "the head repository of #\(comment.pullRequest) no longer exists (a deleted fork), so its code cannot be run", inputs: given)
        }
        if comment.isFromFork && !config.allowForks {
            return refuse(comment, "fork", "#\(comment.pullRequest) comes from the fork `\(comment.headRepository)`; PRs from forks are refused by default because these jobs run on self-hosted runners (`allowForks`)", inputs: given)
        }
        let authorization = try authorize(comment)
        guard authorization.allowed else {
            return refuse(comment, "unauthorized", authorization.explanation, inputs: given)
        }
        var inputs = given
        let ref = inputs.ref ?? (comment.isFromFork ? comment.baseRef : comment.headRef)
        inputs.ref = ref
        if inputs.sampleID == nil { inputs.sampleID = SampleID.make(pullRequest: comment.pullRequest, at: now()) }

        let window = now().timeIntervalSince1970 - config.duplicateWindowSeconds
        if let first = try records(comment).first(where: { $0.kind == "ack" && $0.at >= window && Self.sameRequest($0, inputs, sampleIDGiven) }) {
            let link = first.runURL ?? workflowPage(comment, branch: first.inputs?.ref ?? comment.headRef)
            return refuse(comment, "duplicate", "the same request was made \(Int(now().timeIntervalSince1970 - first.at)) s ago; it is handled in \(commentLink(comment, first.commentID)), run: \(link)", inputs: inputs)
        }

        var notes = [authorization.explanation]
        if comment.isFromFork && given.ref == nil {
            notes.append("fork: #\(comment.pullRequest) comes from \(MarkdownText.code(comment.headRepository)); dispatched on the base branch \(MarkdownText.code(ref)) with `pr_head_sha=\(comment.headSHA)`; the workflow checks out `refs/pull/\(comment.pullRequest)/head` at that commit (allowForks: the fork's code runs on these runners)")
        }
        let active = try activeRuns(comment)
        if !active.all.isEmpty {
            let ahead = "\(active.all.count) run(s) of \(MarkdownText.code(config.workflow)) queued or in progress"
            if inputs.strategy == .matrix && config.busyPolicy == .downgrade {
                inputs.strategy = .single
                notes.append("busy: \(ahead); matrix downgraded to single (busyPolicy: downgrade), which waits its turn")
            } else {
                notes.append("queued: \(ahead); this run waits its turn")
            }
        }

        let dispatchID = "d" + String(UInt64.random(in: 0...UInt64(UInt32.max)) << 16 | UInt64.random(in: 0...0xffff), radix: 16)
        var record = DispatchRecord(kind: "ack", pullRequest: comment.pullRequest, commentID: comment.commentID, inputs: inputs,
                                    sampleIDGiven: sampleIDGiven, dispatchID: dispatchID, runURL: nil, at: now().timeIntervalSince1970)
        let initializing = "\(workflowPage(comment, branch: ref)) (initializing)"
        let ackText = Reply.ack(comment, inputs: inputs, notes: notes, monitor: initializing, record: record)
        let posted = api.send("POST", "/repos/\(comment.repository)/issues/\(comment.pullRequest)/comments", body: ["body": ackText])
        guard posted.isSuccess, let ack = ((posted.json as? [String: Any])?["id"] as? NSNumber)?.intValue else {
            // No acknowledgement, no run: a dispatch nobody was told about is what this avoids.
            return Outcome(code: posted.isRateLimited ? "rate_limited" : "unavailable", replyID: nil, runURL: nil)
        }
        _ = api.send("POST", "/repos/\(comment.repository)/issues/comments/\(comment.commentID)/reactions", body: ["content": "eyes"])
        // Without local memory another handler may be answering the same request right now: the
        // earlier of two matching acknowledgements stands, the later one turns into a duplicate reply.
        let rival: (commentID: Int, replyID: Int)?
        do {
            rival = localRecords == nil ? try earlierAck(comment, than: ack, matching: inputs, sampleIDGiven: sampleIDGiven) : nil
        } catch let failure as Unreadable {
            record.kind = failure.code
            _ = api.send("PATCH", "/repos/\(comment.repository)/issues/comments/\(ack)",
                         body: ["body": Reply.reason(failure.code, failure.detail, inputs: inputs, record: record)])
            return Outcome(code: failure.code, replyID: ack, runURL: nil)
        }
        if let rival {
            record.kind = "duplicate"
            let text = Reply.reason("duplicate", "the same request is being handled in \(commentLink(comment, rival.commentID)) (reply \(rival.replyID))",
                                    inputs: inputs, record: record)
            _ = api.send("PATCH", "/repos/\(comment.repository)/issues/comments/\(ack)", body: ["body": text])
            return Outcome(code: "duplicate", replyID: ack, runURL: nil)
        }

        var followNotes = notes
        if config.autoCancel {
            followNotes += cancelOlderRuns(comment, active.inProgress, branch: ref, group: Self.sampleGroup(inputs.sampleID ?? ""))
        }
        let result = dispatch(comment, inputs: inputs, dispatchID: dispatchID)
        let code: String
        var monitor: String
        switch result {
        case .run(let url):
            code = "dispatched"
            monitor = url
            record.runURL = url
        case .notVisible:
            code = "initializing"
            monitor = "\(workflowPage(comment, branch: ref)) (initializing: the run was dispatched but is not visible yet)"
        case .failed(let status, let message):
            code = "failed"
            record.kind = "failed"
            monitor = workflowPage(comment, branch: ref)
            followNotes.append("**dispatch failed: HTTP \(status)** — \(MarkdownText.code(Reply.clip(message)))")
        }
        _ = api.send("PATCH", "/repos/\(comment.repository)/issues/comments/\(ack)",
                     body: ["body": Reply.ack(comment, inputs: inputs, notes: followNotes, monitor: monitor, record: record)])
        localRecords?.append(record)
        return Outcome(code: code, replyID: ack, runURL: record.runURL)
    }

    private enum DispatchResult {
        case run(String)
        case notVisible
        case failed(Int, String)
    }

    /// Dispatches the workflow; a 5xx or network error is retried once, after looking for the run
    /// for the whole backoff (GitHub lists a new run only after a while), so a retry never makes a second run.
    private func dispatch(_ comment: PullRequestComment, inputs: DispatchInputs, dispatchID: String) -> DispatchResult {
        let started = now()
        var workflowInputs = [
            "strategy": inputs.strategy.rawValue, "include_integration": inputs.includeIntegration ? "true" : "false",
            "sample_id": inputs.sampleID ?? "", "origin_kind": "pr-comment", "origin_pr": String(comment.pullRequest),
            "origin_comment_id": String(comment.commentID), "origin_comment_url": comment.commentURL,
            "origin_author": comment.author, "dispatch_id": dispatchID,
        ]
        // Ten inputs at most, older GitHub Enterprise Server's limit: a fork's head ref is `refs/pull/{origin_pr}/head`.
        if comment.isFromFork { workflowInputs["pr_head_sha"] = comment.headSHA }
        let body: [String: Any] = ["ref": inputs.ref ?? comment.headRef, "inputs": workflowInputs, "return_run_details": true]
        let path = "/repos/\(comment.repository)/actions/workflows/\(config.workflow)/dispatches"
        var response = api.send("POST", path, body: body)
        if response.isTransient {
            switch findRun(comment, dispatchID: dispatchID, branch: inputs.ref ?? comment.headRef, since: started, within: config.retryDelaySeconds) {
            case .found(let url):
                return .run(url)
            case .unreadable:
                return .failed(response.status, "\(response.message); the workflow's runs could not be listed to see whether GitHub made the run anyway, so it was not retried (that could make a second run): look at the workflow page before asking again")
            case .absent:
                response = api.send("POST", path, body: body)
            }
        }
        switch response.status {
        case 200:
            let details = response.json as? [String: Any]
            if let url = details?["html_url"] as? String { return .run(url) }
            fallthrough
        case 201...299:
            guard case .found(let url) = findRun(comment, dispatchID: dispatchID, branch: inputs.ref ?? comment.headRef, since: started,
                                                 within: config.correlateSeconds) else { return .notVisible }
            return .run(url)
        default:
            return .failed(response.status, response.message)
        }
    }

    /// What looking for a dispatched run came to: its URL, not there, or the last listing failed.
    private enum RunSearch {
        case found(String)
        case absent
        case unreadable
    }

    /// The run whose title carries `dispatchID`, looked for until `within` seconds have passed.
    private func findRun(_ comment: PullRequestComment, dispatchID: String, branch: String, since: Date, within: Double) -> RunSearch {
        let deadline = now().addingTimeInterval(within)
        let created = ISO8601DateFormatter().string(from: since.addingTimeInterval(-5))
        while true {
            let response = api.send("GET", "/repos/\(comment.repository)/actions/workflows/\(config.workflow)/runs",
                                    query: [("event", "workflow_dispatch"), ("branch", branch), ("created", ">=\(created)"), ("per_page", "100")])
            let runs = ((response.json as? [String: Any])?["workflow_runs"] as? [[String: Any]]) ?? []
            if let run = runs.first(where: { ($0["display_title"] as? String)?.contains(dispatchID) == true }),
               let url = run["html_url"] as? String {
                return .found(url)
            }
            guard now() < deadline else { return response.isSuccess ? .absent : .unreadable }
            pause(min(2, max(0.1, deadline.timeIntervalSince(now()))))
        }
    }

    /// The workflow's runs in progress and queued (the busy check; the runners API needs admin rights, so it is not used).
    private struct ActiveRuns {
        var inProgress: [[String: Any]]
        var queued: [[String: Any]]
        var all: [[String: Any]] { inProgress + queued }
    }

    private func activeRuns(_ comment: PullRequestComment) throws -> ActiveRuns {
        let runs = { (status: String) throws -> [[String: Any]] in
            try self.api.list("/repos/\(comment.repository)/actions/workflows/\(self.config.workflow)/runs", query: [("status", status)],
                              key: "workflow_runs", timeout: Self.preAckTimeout).items(reading: "the workflow's \(status) runs")
        }
        return ActiveRuns(inProgress: try runs("in_progress"), queued: try runs("queued"))
    }

    /// Cancels the in-progress runs on `branch` whose title carries the same sample group; notes what it did.
    private func cancelOlderRuns(_ comment: PullRequestComment, _ runs: [[String: Any]], branch: String, group: String) -> [String] {
        let older = runs.filter { ($0["head_branch"] as? String) == branch && ($0["display_title"] as? String)?.contains(group) == true }
        guard !older.isEmpty else { return [] }
        let results = older.compactMap { run -> String? in
            guard let id = (run["id"] as? NSNumber)?.intValue else { return nil }
            let response = api.send("POST", "/repos/\(comment.repository)/actions/runs/\(id)/cancel")
            return response.isSuccess ? "[\(id)](\(run["html_url"] as? String ?? ""))" : "\(id) (HTTP \(response.status): \(response.message))"
        }
        return ["cancelled older runs on `\(branch)` in sample group `\(group)` (autoCancel): \(results.joined(separator: ", "))"]
    }

    /// A sample id's group: its part before the first `-` (`pr42` for `pr42-20261126-110312-3f9a`).
    static func sampleGroup(_ sampleID: String) -> String {
        String(sampleID.split(separator: "-").first ?? Substring(sampleID))
    }

    private struct Authorization {
        var allowed: Bool
        var explanation: String
    }

    /// Collaborator role ≥ the required one; if that call fails (not for a rate limit), the author association.
    private func authorize(_ comment: PullRequestComment) throws -> Authorization {
        let required = config.requiredPermission
        let response = api.send("GET", "/repos/\(comment.repository)/collaborators/\(comment.author)/permission", timeout: Self.preAckTimeout)
        if response.isRateLimited { throw Unreadable(what: "@\(comment.author)'s permission", response: response) }
        if response.isSuccess, let answer = response.json as? [String: Any], let role = CollaboratorRole(answer) {
            return Authorization(allowed: DispatchConfig.rank(role.name) >= DispatchConfig.rank(required),
                                 explanation: "@\(comment.author) has the \(MarkdownText.code(role.name)) role; `\(required)` is required (rule: collaborator \(role.field))")
        }
        // An association proves at most write access, so it cannot stand in for maintain or admin.
        guard DispatchConfig.rank(required) <= DispatchConfig.rank("write") else {
            throw Unreadable(what: "@\(comment.author)'s permission, which `\(required)` needs", response: response)
        }
        let trusted = ["OWNER", "MEMBER", "COLLABORATOR"].contains(comment.authorAssociation)
        return Authorization(allowed: trusted,
                             explanation: "the permission check answered HTTP \(response.status) (\(MarkdownText.code(response.message))), so the author association decided: @\(comment.author) is \(MarkdownText.code(comment.authorAssociation)); OWNER, MEMBER or COLLABORATOR is required (rule: author association)")
    }

    private func status(_ comment: PullRequestComment) throws -> Outcome {
        let last = try records(comment).last { $0.kind == "ack" }
        let text = last.map { record in
            "**Most recent orchestrated run on #\(comment.pullRequest)**: \(record.runURL ?? workflowPage(comment, branch: record.inputs?.ref ?? comment.headRef) + " (not linked yet)")"
                + " — sample_id \(MarkdownText.code(record.inputs?.sampleID ?? "")), requested in \(commentLink(comment, record.commentID))"
        } ?? "**No orchestrated run yet on #\(comment.pullRequest).** Start one with `/run orchestrated`."
        let record = DispatchRecord(kind: "status", pullRequest: comment.pullRequest, commentID: comment.commentID, inputs: last?.inputs,
                                    sampleIDGiven: true, dispatchID: nil, runURL: last?.runURL, at: now().timeIntervalSince1970)
        let reply = post(comment, Reply.report(text, inputs: last?.inputs, record: record))
        localRecords?.append(record)
        return Outcome(code: "status", replyID: reply, runURL: last?.runURL)
    }

    // MARK: - Helpers

    private func refuse(_ comment: PullRequestComment, _ code: String, _ detail: String, inputs: DispatchInputs?) -> Outcome {
        let record = DispatchRecord(kind: code, pullRequest: comment.pullRequest, commentID: comment.commentID, inputs: inputs,
                                    sampleIDGiven: true, dispatchID: nil, runURL: nil, at: now().timeIntervalSince1970)
        let reply = post(comment, Reply.reason(code, detail, inputs: inputs, record: record))
        localRecords?.append(record)
        return Outcome(code: code, replyID: reply, runURL: nil)
    }

    /// Posts a reply on the PR; its comment id.
    private func post(_ comment: PullRequestComment, _ body: String) -> Int? {
        let response = api.send("POST", "/repos/\(comment.repository)/issues/\(comment.pullRequest)/comments", body: ["body": body])
        return ((response.json as? [String: Any])?["id"] as? NSNumber)?.intValue
    }

    /// The dispatcher's earlier replies on the PR, oldest first.
    private func records(_ comment: PullRequestComment) throws -> [DispatchRecord] {
        if let localRecords { return localRecords.filter { $0.pullRequest == comment.pullRequest } }
        return try replies(comment).map(\.record)
    }

    /// The dispatcher's replies on the PR as GitHub has them, every page: reply comment id and hidden record.
    private func replies(_ comment: PullRequestComment) throws -> [(replyID: Int, record: DispatchRecord)] {
        let listing = api.list("/repos/\(comment.repository)/issues/\(comment.pullRequest)/comments", timeout: Self.preAckTimeout)
        return try listing.items(reading: "the earlier replies on #\(comment.pullRequest)").compactMap { item in
            guard Self.mayCarryRecords(item), let id = (item["id"] as? NSNumber)?.intValue,
                  let record = (item["body"] as? String).flatMap(DispatchRecord.find) else { return nil }
            return (id, record)
        }
    }

    /// Whether a comment's hidden record is believed: written by a bot (an app the repository's
    /// admins installed, such as github-actions) or by someone with write access. Anyone else's
    /// could forge a duplicate or plant the inputs of a `/run rerun`.
    static func mayCarryRecords(_ item: [String: Any]) -> Bool {
        (item["user"] as? [String: Any])?["type"] as? String == "Bot"
            || ["OWNER", "MEMBER", "COLLABORATOR"].contains(item["author_association"] as? String ?? "")
    }

    /// A matching acknowledgement posted before ours (`ack`) by another handler, if any.
    private func earlierAck(_ comment: PullRequestComment, than ack: Int, matching inputs: DispatchInputs,
                            sampleIDGiven: Bool) throws -> (commentID: Int, replyID: Int)? {
        let window = now().timeIntervalSince1970 - config.duplicateWindowSeconds
        return try replies(comment).first { reply in
            reply.replyID < ack && reply.record.kind == "ack" && reply.record.at >= window && Self.sameRequest(reply.record, inputs, sampleIDGiven)
        }.map { ($0.record.commentID, $0.replyID) }
    }

    /// Whether an earlier record asked for the same run: same strategy and sample id (or both without one).
    static func sameRequest(_ record: DispatchRecord, _ inputs: DispatchInputs, _ sampleIDGiven: Bool) -> Bool {
        record.inputs?.strategy == inputs.strategy
            && (sampleIDGiven ? record.sampleIDGiven && record.inputs?.sampleID == inputs.sampleID : !record.sampleIDGiven)
    }

    private func workflowPage(_ comment: PullRequestComment, branch: String) -> String {
        let query = "branch:\(branch)".addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? branch
        return "\(serverURL)/\(comment.repository)/actions/workflows/\(config.workflow)?query=\(query)"
    }

    private func commentLink(_ comment: PullRequestComment, _ id: Int) -> String {
        "[comment](\(serverURL)/\(comment.repository)/pull/\(comment.pullRequest)#issuecomment-\(id))"
    }
}
