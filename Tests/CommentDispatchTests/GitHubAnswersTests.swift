#if os(Linux)
import Foundation
import XCTest
@testable import CommentDispatch

/// What the dispatcher does with GitHub's answers as GitHub's REST API description documents them:
/// rate limits, roles, pagination, refs, forks, late run listings, redirects.
extension CommentHandlerTests {
    private func body(_ fake: FakeGitHub, _ index: Int = 0) -> String {
        fake.postedComments.filter { DispatchRecord.find(in: $0["body"] as? String ?? "") != nil }[index]["body"] as? String ?? ""
    }

    // MARK: 1. Rate limits

    func testARateLimitIsWaitedOutAsItsHeadersSay() throws {
        let fake = try FakeGitHub()
        let reset = Int(Date().timeIntervalSince1970) + 30
        fake.fail("GET /permission", with: [429], headers: ["retry-after": "7"])
        fake.fail("POST /issues/42/comments", with: [403], headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
        let waits = Waits()
        let outcome = try XCTUnwrap(handler(fake, waits: waits).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "dispatched", "a real writer is not refused because of a 429")
        XCTAssertEqual(waits.all.first, 7, "retry-after")
        XCTAssertEqual(waits.all.count, 2)
        XCTAssertEqual(waits.all.last ?? 0, 31, accuracy: 2, "until x-ratelimit-reset")
        XCTAssertEqual(calls(fake, "POST", "/issues/42/comments"), 2, "the acknowledgement is retried, not lost")
        XCTAssertTrue(body(fake).contains("has the `write` role"), body(fake))
    }

    func testASecondaryLimitPastTheDeadlineIsAnsweredRateLimitedAndNothingIsDispatched() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /issues/42/comments", with: [403])
        fake.failureMessage = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
        var config = DispatchConfig()
        config.deadlineSeconds = 30
        let waits = Waits()
        let outcome = try XCTUnwrap(handler(fake, config, waits: waits).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "rate_limited")
        XCTAssertEqual(waits.all, [], "a secondary limit waits at least 60 s, which the 30 s deadline does not allow")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 0)
        XCTAssertTrue(body(fake).hasPrefix("**Not dispatched: `rate_limited`** — could not read the earlier replies on #42"), body(fake))
        XCTAssertEqual(RateLimit.wait(headers: [:], attempt: 1, now: Date()), 60)
        XCTAssertEqual(RateLimit.wait(headers: [:], attempt: 3, now: Date()), 240, "exponential backoff")
    }

    func testAFailedReadIsNeverTakenAsNothingThere() throws {
        let replies = try FakeGitHub()
        replies.fail("GET /issues/42/comments", with: [500])
        XCTAssertEqual(try XCTUnwrap(handler(replies).handle(comment("/run orchestrated"))).code, "unavailable")
        XCTAssertEqual(calls(replies, "POST", "/dispatches"), 0, "duplicate detection fails closed")
        XCTAssertTrue(body(replies).contains("GitHub answered HTTP 500"), body(replies))

        let busy = try FakeGitHub()
        busy.fail("GET /runs", with: [502])
        XCTAssertEqual(try XCTUnwrap(handler(busy).handle(comment("/run orchestrated"))).code, "unavailable")
        XCTAssertEqual(calls(busy, "POST", "/dispatches"), 0)

        let race = try FakeGitHub()
        race.fail("GET /issues/42/comments", with: [FakeGitHub.passThrough, 503])
        XCTAssertEqual(try XCTUnwrap(handler(race).handle(comment("/run orchestrated"))).code, "unavailable")
        XCTAssertEqual(calls(race, "POST", "/dispatches"), 0, "the race check could not be read: the acknowledgement turns into the refusal")
        XCTAssertTrue(body(race).hasPrefix("**Not dispatched: `unavailable`**"), body(race))
    }

    func testWithoutThePermissionCheckNoAssociationStandsInForMaintain() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /permission", with: [502])
        var config = DispatchConfig()
        config.requiredPermission = "maintain"
        XCTAssertEqual(try XCTUnwrap(handler(fake, config).handle(comment("/run orchestrated"))).code, "unavailable")
        XCTAssertTrue(body(fake).contains("could not read @maintainer's permission, which `maintain` needs"), body(fake))
    }

    func testRecordsAreBelievedOnlyFromBotsAndWriters() throws {
        let fake = try FakeGitHub()
        let forged = DispatchRecord(kind: "ack", pullRequest: 42, commentID: 1, inputs: DispatchInputs(sampleID: "x"), sampleIDGiven: true,
                                    dispatchID: nil, runURL: nil, at: Date().timeIntervalSince1970)
        fake.addPullRequestComments(1, body: "nothing to see " + forged.hidden)
        XCTAssertEqual(try XCTUnwrap(handler(fake).handle(comment("/run orchestrated sample_id=x"))).code, "dispatched",
                       "a stranger's hidden record is not a duplicate")
        XCTAssertTrue(CommentHandler.mayCarryRecords(["user": FakeGitHub.bot]))
        XCTAssertTrue(CommentHandler.mayCarryRecords(["user": ["type": "User"], "author_association": "MEMBER"]))
        XCTAssertFalse(CommentHandler.mayCarryRecords(["user": ["type": "User"], "author_association": "CONTRIBUTOR"]))
    }

    // MARK: 2. Roles

    func testRoleNameDecidesForMaintainAndTriage() throws {
        let cases: [(required: String, permission: String, role: String, code: String, rule: String)] = [
            ("maintain", "write", "maintain", "dispatched", "has the `maintain` role; `maintain` is required (rule: collaborator role_name)"),
            ("triage", "read", "triage", "dispatched", "has the `triage` role; `triage` is required (rule: collaborator role_name)"),
            ("maintain", "write", "write", "unauthorized", "has the `write` role; `maintain` is required (rule: collaborator role_name)"),
            ("write", "write", "release-manager", "dispatched", "has the `write` role; `write` is required (rule: collaborator permission)"),
        ]
        for (required, permission, role, code, rule) in cases {
            let fake = try FakeGitHub()
            fake.permission = permission
            fake.roleName = role
            var config = DispatchConfig()
            config.requiredPermission = required
            XCTAssertEqual(try XCTUnwrap(handler(fake, config).handle(comment("/run orchestrated"))).code, code, role)
            XCTAssertTrue(body(fake).contains(rule), body(fake))
        }
        let custom = CollaboratorRole(["permission": "write", "role_name": "custom", "user": ["permissions": ["admin": false, "maintain": true, "push": true]]])
        XCTAssertEqual(custom, CollaboratorRole(name: "maintain", field: "user.permissions"))
    }

    // MARK: 3. Long PRs

    func testAPullRequestWithManyCommentsStillCatchesTheDuplicate() throws {
        let fake = try FakeGitHub()
        fake.addPullRequestComments(120)
        let dispatcher = handler(fake)
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run orchestrated sample_id=long", id: 1))).code, "dispatched")
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run orchestrated sample_id=long", id: 2))).code, "duplicate")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 1)
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run status", id: 3))).code, "status")
        XCTAssertTrue((fake.postedComments.last?["body"] as? String ?? "").contains("https://github.com/o/r/actions/runs/19600000000"))
        XCTAssertTrue(fake.requests.contains { $0.path.hasSuffix("/issues/42/comments") && $0.query["page"] == "2" }, "the next page was read")
    }

    // MARK: 4. Refs

    func testACommitSHAIsRefusedWithWhatToWriteInstead() throws {
        let fake = try FakeGitHub()
        let sha = String(repeating: "3f", count: 20)
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated ref=\(sha)")))
        XCTAssertEqual(outcome.code, "malformed")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 0)
        XCTAssertTrue(body(fake).contains("is a commit SHA, and workflow_dispatch runs only a branch or tag; write ref=BRANCH or ref=TAG"), body(fake))
    }

    // MARK: 5. Forks

    func testAForkPullRequestIsDispatchedOnItsBaseBranchWithItsHeadAsInputs() throws {
        let fake = try FakeGitHub()
        fake.headRepository = "stranger/r"
        var config = DispatchConfig()
        config.allowForks = true
        let payload: [String: Any] = ["issue": ["number": 42, "pull_request": [:] as [String: Any]], "repository": ["full_name": "o/r"],
                                      "comment": ["id": 77, "body": "/run orchestrated", "user": ["login": "maintainer"], "author_association": "MEMBER"]]
        let forked = try XCTUnwrap(CommentSource.comment(fromPayload: payload))
        let api = GitHubAPI(baseURL: fake.baseURL, token: token)
        XCTAssertEqual(try XCTUnwrap(handler(fake, config).handle(forked, head: { () throws(Unreadable) in
            try PullRequestHead.fetch(repository: "o/r", number: 42, api: api)
        })).code, "dispatched")
        let dispatch = try XCTUnwrap(fake.requests.first { $0.path.hasSuffix("/dispatches") })
        XCTAssertEqual(dispatch.body?["ref"] as? String, "develop", "the base repository runs its own base branch")
        let inputs = try XCTUnwrap(dispatch.body?["inputs"] as? [String: String])
        XCTAssertEqual(inputs["pr_head_sha"], String(repeating: "ab", count: 20))
        XCTAssertEqual(inputs["origin_pr"], "42", "the workflow checks out refs/pull/42/head")
        XCTAssertEqual(inputs.count, 10, "older GitHub Enterprise Server takes at most 10 inputs")
        XCTAssertTrue(body(fake).contains("- fork: #42 comes from `stranger/r`; dispatched on the base branch `develop`"), body(fake))

        let deleted = try FakeGitHub()
        deleted.headRepository = nil
        let orphanAPI = GitHubAPI(baseURL: deleted.baseURL, token: token)
        XCTAssertEqual(try XCTUnwrap(handler(deleted, config).handle(forked, head: { () throws(Unreadable) in
            try PullRequestHead.fetch(repository: "o/r", number: 42, api: orphanAPI)
        })).code, "fork", "a deleted fork is never taken for the base")
        XCTAssertTrue(body(deleted).contains("no longer exists (a deleted fork)"), body(deleted))
        XCTAssertEqual(calls(deleted, "POST", "/dispatches"), 0)
    }

    // MARK: 6. Retry after a 5xx

    func testAfterA5xxTheRunIsLookedForThroughTheBackoffBeforeARetry() throws {
        let fake = try FakeGitHub()
        fake.fail("POST /dispatches", with: [502])
        fake.createRunOnFailure = true
        fake.runListingDelay = 1.5
        var config = DispatchConfig()
        config.retryDelaySeconds = 4
        let outcome = try XCTUnwrap(handler(fake, config, realPause: true).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "dispatched")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 1, "the run made with the 502 showed up late; no second run")
    }

    func testAfterA5xxARunListThatCannotBeReadIsNoReasonToRetry() throws {
        let fake = try FakeGitHub()
        fake.fail("POST /dispatches", with: [502])
        fake.createRunOnFailure = true
        fake.fail("GET /runs", with: [FakeGitHub.passThrough, FakeGitHub.passThrough] + Array(repeating: 500, count: 100))
        var config = DispatchConfig()
        config.retryDelaySeconds = 0.05
        let outcome = try XCTUnwrap(handler(fake, config).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "failed")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 1, "GitHub may have made the run: no second one")
        XCTAssertTrue(body(fake).contains("so it was not retried"), body(fake))
    }

    // MARK: 7. A failed dispatch is not an acknowledgement

    func testAFailedDispatchDoesNotBlockAnIdenticalRetry() throws {
        let fake = try FakeGitHub()
        fake.fail("POST /dispatches", with: [422])
        let dispatcher = handler(fake)
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run orchestrated sample_id=again", id: 1))).code, "failed")
        XCTAssertEqual(DispatchRecord.find(in: body(fake))?.kind, "failed")
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run orchestrated sample_id=again", id: 2))).code, "dispatched")
    }

    // MARK: 8. Reply length

    func testAPathologicalCommentStillGetsAReplyUnderGitHubsLimit() throws {
        let fake = try FakeGitHub()
        let huge = String(repeating: "x", count: 70_000)
        for text in ["/run orchestrated \(huge)", "/run orchestrated \(huge)=1", "/run \(huge)"] {
            _ = handler(fake).handle(comment(text))
        }
        let bodies = fake.postedComments.compactMap { $0["body"] as? String }
        XCTAssertEqual(bodies.count, 3)
        for reply in bodies { XCTAssertLessThan(reply.count, Reply.maximumLength) }
        XCTAssertEqual(Reply.clip(huge, 10), "xxxxxxxxxx … (69990 more characters not shown)")
    }

    // MARK: 9. Busy check and auto-cancel

    func testTheBusyCheckAsksForEachStatusAndAutoCancelTouchesOnlyRunsInProgressAfterTheAck() throws {
        let fake = try FakeGitHub()
        fake.addActiveRun(branch: "feature/x", title: "orchestrated pr42-20261126-100000-aaaa d1", status: "in_progress")
        fake.addActiveRun(branch: "feature/x", title: "orchestrated pr42-20261126-100500-bbbb d2", status: "queued")
        var config = DispatchConfig()
        config.autoCancel = true
        XCTAssertEqual(try XCTUnwrap(handler(fake, config).handle(comment("/run orchestrated"))).code, "dispatched")
        let listings = fake.requests.filter { $0.path.hasSuffix("/runs") && $0.query["event"] == nil }
        XCTAssertEqual(listings.map { $0.query["status"] }, ["in_progress", "queued"])
        let cancels = fake.requests.enumerated().filter { $0.element.path.hasSuffix("/cancel") }
        XCTAssertEqual(cancels.map(\.element.path), ["/repos/o/r/actions/runs/19500000000/cancel"], "the queued run is left alone")
        let ackIndex = try XCTUnwrap(fake.requests.firstIndex { $0.method == "POST" && $0.path.hasSuffix("/issues/42/comments") })
        XCTAssertLessThan(ackIndex, try XCTUnwrap(cancels.first?.offset), "the acknowledgement comes first")
        XCTAssertTrue(body(fake).contains("2 run(s) of `ci-orchestrated.yml` queued or in progress"), body(fake))
    }

    // MARK: 10. Links

    func testLinksReadsEveryPageOfJobs() throws {
        let fake = try FakeGitHub()
        fake.jobCount = 250
        let block = try RunLinks.markdown(repository: "o/r", runID: "9", api: GitHubAPI(baseURL: fake.baseURL, token: token), serverURL: "https://github.com")
        XCTAssertEqual(block.split(separator: "\n").filter { $0.hasPrefix("- ") }.count, 250)
        XCTAssertTrue(block.contains("- job-249: https://github.com/o/r/actions/runs/9/job/5760"))
    }

    // MARK: 11. Token safety

    func testTheTokenNeverFollowsARedirectToAnotherOrigin() throws {
        let fake = try FakeGitHub()
        let elsewhere = try FakeGitHub()
        fake.fail("GET /permission", with: [307], headers: ["Location": "\(elsewhere.baseURL)/repos/o/r/collaborators/maintainer/permission"])
        _ = handler(fake).handle(comment("/run orchestrated"))
        XCTAssertTrue(elsewhere.requests.allSatisfy { $0.headers["authorization"] == nil }, "no token to another port")
        XCTAssertTrue(elsewhere.requests.isEmpty, "a redirect to another origin is not followed")
        XCTAssertTrue(body(fake).contains("a redirect to http://127.0.0.1:\(elsewhere.port), another origin than the API's, was not followed"), body(fake))

        let moved = try FakeGitHub()
        moved.fail("GET /permission", with: [301], headers: ["Location": "\(moved.baseURL)/repositories/1/collaborators/maintainer/permission"])
        XCTAssertEqual(try XCTUnwrap(handler(moved).handle(comment("/run orchestrated"))).code, "dispatched", "a same-origin redirect is followed")
        let followed = try XCTUnwrap(moved.requests.first { $0.path.hasPrefix("/repositories/1/") })
        XCTAssertEqual(followed.headers["authorization"], "Bearer \(token)")
    }

    func testPlainHTTPIsRefusedExceptToThisMachineAndTheTokenIsRedacted() throws {
        XCTAssertThrowsError(try GitHubAPI.checkedBaseURL("http://github.example.com/api/v3")) { error in
            XCTAssertTrue("\(error)".contains("is not https"), "\(error)")
        }
        XCTAssertThrowsError(try GitHubAPI.checkedBaseURL("api.github.com"))
        XCTAssertEqual(try GitHubAPI.checkedBaseURL("https://ghe.example.com/api/v3"), "https://ghe.example.com/api/v3")
        XCTAssertEqual(try GitHubAPI.checkedBaseURL("http://127.0.0.1:8080"), "http://127.0.0.1:8080")

        let fake = try FakeGitHub()
        fake.fail("GET /permission", with: [401])
        fake.failureMessage = "Bad credentials: Bearer \(token) was rejected"
        _ = handler(fake).handle(comment("/run orchestrated", association: "NONE"))
        XCTAssertTrue(body(fake).contains("Bad credentials: Bearer *** was rejected"), body(fake))
        XCTAssertFalse(fake.postedComments.contains { ($0["body"] as? String ?? "").contains(token) })
    }
}
#endif
