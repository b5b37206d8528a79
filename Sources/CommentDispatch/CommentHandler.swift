import Foundation

/// The dispatcher's core for one `/run` comment: parse → authorize → decide → acknowledge →
/// dispatch → follow up. Every `/run` comment gets a reply: a dispatch with links, or a concrete reason.
public final class CommentHandler {
    /// What handling one comment came to.
    public struct Outcome: Equatable {
        /// `dispatched`, `initializing`, `failed`, or the refusal reason (`malformed`, `disabled`, `fork`,
        /// `unauthorized`, `duplicate`), or `status`.
        public var code: String
        public var replyID: Int?
        public var runURL: String?
    }

    private let config: DispatchConfig
    private let api: GitHubAPI
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

    /// Handles one comment; nil when it is not a `/run` comment.
    public func handle(_ comment: PullRequestComment) -> Outcome? {
        guard let request = RunRequest.parse(comment.body) else { return nil }
        switch request {
        case .malformed(let problem):
            return refuse(comment, "malformed", problem, inputs: nil)
        case .status:
            return status(comment)
        case .rerun:
            guard let last = records(comment).last(where: { $0.kind == "ack" }), let inputs = last.inputs else {
                return refuse(comment, "malformed", "there is no earlier `/run orchestrated` on #\(comment.pullRequest) to re-run", inputs: nil)
            }
            return orchestrate(comment, inputs: inputs, sampleIDGiven: true)
        case .orchestrated(let inputs):
            return orchestrate(comment, inputs: inputs, sampleIDGiven: inputs.sampleID != nil)
        }
    }

    // MARK: - Steps

    private func orchestrate(_ comment: PullRequestComment, inputs given: DispatchInputs, sampleIDGiven: Bool) -> Outcome {
        guard config.enabled else {
            return refuse(comment, "disabled", "dispatch is turned off in the dispatcher's config (`enabled: false`)", inputs: given)
        }
        guard config.strategies.contains(given.strategy) else {
            return refuse(comment, "disabled", "strategy `\(given.strategy.rawValue)` is turned off in the dispatcher's config (`strategies`)", inputs: given)
        }
        if comment.isFromFork && !config.allowForks {
            return refuse(comment, "fork", "#\(comment.pullRequest) comes from the fork `\(comment.headRepository)`; PRs from forks are refused by default because these jobs run on self-hosted runners (`allowForks`)", inputs: given)
        }
        let authorization = authorize(comment)
        guard authorization.allowed else {
            return refuse(comment, "unauthorized", authorization.explanation, inputs: given)
        }
        var inputs = given
        let ref = inputs.ref ?? comment.headRef
        inputs.ref = ref
        if inputs.sampleID == nil { inputs.sampleID = SampleID.make(pullRequest: comment.pullRequest, at: now()) }

        let window = now().timeIntervalSince1970 - config.duplicateWindowSeconds
        if let first = records(comment).first(where: { $0.kind == "ack" && $0.at >= window && Self.sameRequest($0, inputs, sampleIDGiven) }) {
            let link = first.runURL ?? workflowPage(comment, branch: first.inputs?.ref ?? comment.headRef)
            return refuse(comment, "duplicate", "the same request was made \(Int(now().timeIntervalSince1970 - first.at)) s ago; it is handled in \(commentLink(comment, first.commentID)), run: \(link)", inputs: inputs)
        }

        var notes = [authorization.explanation]
        let active = activeRuns(comment)
        if !active.isEmpty {
            let ahead = "\(active.count) run(s) of `\(config.workflow)` queued or in progress"
            if inputs.strategy == .matrix && config.busyPolicy == .downgrade {
                inputs.strategy = .single
                notes.append("busy: \(ahead); matrix downgraded to single (busyPolicy: downgrade), which waits its turn")
            } else {
                notes.append("queued: \(ahead); this run waits its turn")
            }
            if config.autoCancel {
                notes += cancelOlderRuns(comment, active, branch: ref, group: Self.sampleGroup(inputs.sampleID ?? ""))
            }
        }

        let dispatchID = "d" + String(UInt64.random(in: 0...UInt64(UInt32.max)) << 16 | UInt64.random(in: 0...0xffff), radix: 16)
        var record = DispatchRecord(kind: "ack", pullRequest: comment.pullRequest, commentID: comment.commentID, inputs: inputs,
                                    sampleIDGiven: sampleIDGiven, dispatchID: dispatchID, runURL: nil, at: now().timeIntervalSince1970)
        let initializing = "\(workflowPage(comment, branch: ref)) (initializing)"
        let ack = post(comment, Reply.ack(comment, inputs: inputs, notes: notes, monitor: initializing, record: record))
        _ = api.send("POST", "/repos/\(comment.repository)/issues/comments/\(comment.commentID)/reactions", body: ["content": "eyes"])
        // Without local memory another handler may be answering the same request right now: the
        // earlier of two matching acknowledgements stands, the later one turns into a duplicate reply.
        if localRecords == nil, let ack, let rival = earlierAck(comment, than: ack, matching: inputs, sampleIDGiven: sampleIDGiven) {
            record.kind = "duplicate"
            let text = Reply.reason("duplicate", "the same request is being handled in \(commentLink(comment, rival.commentID)) (reply \(rival.replyID))",
                                    inputs: inputs, record: record)
            _ = api.send("PATCH", "/repos/\(comment.repository)/issues/comments/\(ack)", body: ["body": text])
            return Outcome(code: "duplicate", replyID: ack, runURL: nil)
        }

        let result = dispatch(comment, inputs: inputs, dispatchID: dispatchID)
        let code: String
        var monitor: String
        var followNotes = notes
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
            monitor = workflowPage(comment, branch: ref)
            followNotes.append("**dispatch failed: HTTP \(status)** — \(message)")
        }
        if let ack {
            _ = api.send("PATCH", "/repos/\(comment.repository)/issues/comments/\(ack)",
                         body: ["body": Reply.ack(comment, inputs: inputs, notes: followNotes, monitor: monitor, record: record)])
        }
        localRecords?.append(record)
        return Outcome(code: code, replyID: ack, runURL: record.runURL)
    }

    private enum DispatchResult {
        case run(String)
        case notVisible
        case failed(Int, String)
    }

    /// Dispatches the workflow; a 5xx or network error is retried once, after checking that the run
    /// was not created anyway, so a retry never makes a second run.
    private func dispatch(_ comment: PullRequestComment, inputs: DispatchInputs, dispatchID: String) -> DispatchResult {
        let started = now()
        let body: [String: Any] = [
            "ref": inputs.ref ?? comment.headRef,
            "inputs": [
                "strategy": inputs.strategy.rawValue, "include_integration": inputs.includeIntegration ? "true" : "false",
                "sample_id": inputs.sampleID ?? "", "origin_kind": "pr-comment", "origin_pr": String(comment.pullRequest),
                "origin_comment_id": String(comment.commentID), "origin_comment_url": comment.commentURL,
                "origin_author": comment.author, "dispatch_id": dispatchID,
            ],
            "return_run_details": true,
        ]
        let path = "/repos/\(comment.repository)/actions/workflows/\(config.workflow)/dispatches"
        var response = api.send("POST", path, body: body)
        if response.isTransient {
            if let url = findRun(comment, dispatchID: dispatchID, branch: inputs.ref ?? comment.headRef, since: started, within: 0) {
                return .run(url)
            }
            pause(config.retryDelaySeconds)
            response = api.send("POST", path, body: body)
        }
        switch response.status {
        case 200:
            let details = response.json as? [String: Any]
            if let url = details?["html_url"] as? String { return .run(url) }
            fallthrough
        case 201...299:
            return findRun(comment, dispatchID: dispatchID, branch: inputs.ref ?? comment.headRef, since: started,
                           within: config.correlateSeconds).map(DispatchResult.run) ?? .notVisible
        default:
            return .failed(response.status, response.message)
        }
    }

    /// The run whose title carries `dispatchID`, looked for until `within` seconds have passed.
    private func findRun(_ comment: PullRequestComment, dispatchID: String, branch: String, since: Date, within: Double) -> String? {
        let deadline = now().addingTimeInterval(within)
        let created = ISO8601DateFormatter().string(from: since.addingTimeInterval(-5))
        while true {
            let response = api.send("GET", "/repos/\(comment.repository)/actions/workflows/\(config.workflow)/runs",
                                    query: [("event", "workflow_dispatch"), ("branch", branch), ("created", ">=\(created)")])
            let runs = ((response.json as? [String: Any])?["workflow_runs"] as? [[String: Any]]) ?? []
            if let run = runs.first(where: { ($0["display_title"] as? String)?.contains(dispatchID) == true }),
               let url = run["html_url"] as? String {
                return url
            }
            guard now() < deadline else { return nil }
            pause(min(2, max(0.1, deadline.timeIntervalSince(now()))))
        }
    }

    /// The workflow's runs that are queued or in progress (the busy check; the runners API needs admin rights, so it is not used).
    private func activeRuns(_ comment: PullRequestComment) -> [[String: Any]] {
        let response = api.send("GET", "/repos/\(comment.repository)/actions/workflows/\(config.workflow)/runs", query: [("per_page", "30")],
                                timeout: Self.preAckTimeout)
        let runs = ((response.json as? [String: Any])?["workflow_runs"] as? [[String: Any]]) ?? []
        return runs.filter { ["queued", "in_progress", "waiting", "requested", "pending"].contains($0["status"] as? String ?? "") }
    }

    /// Cancels the active runs on `branch` whose title carries the same sample group; notes what it did.
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

    /// Collaborator permission ≥ the required one; if that call fails, the author association.
    private func authorize(_ comment: PullRequestComment) -> Authorization {
        let required = config.requiredPermission
        let response = api.send("GET", "/repos/\(comment.repository)/collaborators/\(comment.author)/permission", timeout: Self.preAckTimeout)
        if response.isSuccess, let permission = (response.json as? [String: Any])?["permission"] as? String {
            let rank = { (name: String) in DispatchConfig.permissions.firstIndex(of: name) ?? 0 }
            return Authorization(allowed: rank(permission) >= rank(required),
                                 explanation: "@\(comment.author) has `\(permission)` permission; `\(required)` is required (rule: collaborator permission)")
        }
        let trusted = ["OWNER", "MEMBER", "COLLABORATOR"].contains(comment.authorAssociation)
        return Authorization(allowed: trusted,
                             explanation: "the permission check answered HTTP \(response.status) (\(response.message)), so the author association decided: @\(comment.author) is `\(comment.authorAssociation)`; OWNER, MEMBER or COLLABORATOR is required (rule: author association)")
    }

    private func status(_ comment: PullRequestComment) -> Outcome {
        let last = records(comment).last { $0.kind == "ack" }
        let text = last.map { record in
            "**Most recent orchestrated run on #\(comment.pullRequest)**: \(record.runURL ?? workflowPage(comment, branch: record.inputs?.ref ?? comment.headRef) + " (not linked yet)")"
                + " — sample_id `\(record.inputs?.sampleID ?? "")`, requested in \(commentLink(comment, record.commentID))"
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
    private func records(_ comment: PullRequestComment) -> [DispatchRecord] {
        if let localRecords { return localRecords.filter { $0.pullRequest == comment.pullRequest } }
        return replies(comment).map(\.record)
    }

    /// The dispatcher's replies on the PR as GitHub has them: reply comment id and hidden record.
    private func replies(_ comment: PullRequestComment) -> [(replyID: Int, record: DispatchRecord)] {
        let response = api.send("GET", "/repos/\(comment.repository)/issues/\(comment.pullRequest)/comments", query: [("per_page", "100")],
                                timeout: Self.preAckTimeout)
        return ((response.json as? [[String: Any]]) ?? []).compactMap { item in
            guard let id = (item["id"] as? NSNumber)?.intValue, let record = (item["body"] as? String).flatMap(DispatchRecord.find) else { return nil }
            return (id, record)
        }
    }

    /// A matching acknowledgement posted before ours (`ack`) by another handler, if any.
    private func earlierAck(_ comment: PullRequestComment, than ack: Int, matching inputs: DispatchInputs,
                            sampleIDGiven: Bool) -> (commentID: Int, replyID: Int)? {
        let window = now().timeIntervalSince1970 - config.duplicateWindowSeconds
        return replies(comment).first { reply in
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
