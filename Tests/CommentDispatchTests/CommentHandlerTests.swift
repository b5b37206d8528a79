#if os(Linux)
import XCTest
@testable import CommentDispatch

/// The dispatcher's core against a fake GitHub REST server on loopback.
final class CommentHandlerTests: XCTestCase {
    let token = "ghs_SECRETtoken1234567890"

    func comment(_ body: String, id: Int = 3_456_789_012, author: String = "maintainer", association: String = "MEMBER",
                         headRepository: String = "o/r") -> PullRequestComment {
        PullRequestComment(repository: "o/r", pullRequest: 42, commentID: id, commentURL: "https://github.com/o/r/pull/42#issuecomment-\(id)",
                           author: author, authorAssociation: association, body: body, headRef: "feature/x", headRepository: headRepository)
    }

    /// `waits` records the rate-limit waits (without sleeping); `realPause`: the handler's own pauses really sleep.
    func handler(_ fake: FakeGitHub, _ config: DispatchConfig = DispatchConfig(), waits: Waits = Waits(), realPause: Bool = false) -> CommentHandler {
        var config = config
        config.correlateSeconds = 2
        return CommentHandler(config: config, api: GitHubAPI(baseURL: fake.baseURL, token: token, pause: { waits.add($0) }),
                              serverURL: "https://github.com",
                              pause: { Thread.sleep(forTimeInterval: realPause ? $0 : 0.01) })
    }

    func calls(_ fake: FakeGitHub, _ method: String, _ suffix: String) -> Int {
        fake.requests.filter { $0.method == method && $0.path.hasSuffix(suffix) }.count
    }

    func testDispatchAcknowledgesThenLinksTheRun() throws {
        let fake = try FakeGitHub()
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated strategy=single sample_id=s-1")))
        XCTAssertEqual(outcome.code, "dispatched")
        XCTAssertEqual(outcome.runURL, "https://github.com/o/r/actions/runs/19600000000")
        XCTAssertEqual(fake.requests.map { "\($0.method) \($0.path)" }, [
            "GET /repos/o/r/collaborators/maintainer/permission", "GET /repos/o/r/issues/42/comments",
            "GET /repos/o/r/actions/workflows/ci-orchestrated.yml/runs", "GET /repos/o/r/actions/workflows/ci-orchestrated.yml/runs",
            "POST /repos/o/r/issues/42/comments", "POST /repos/o/r/issues/comments/3456789012/reactions",
            "GET /repos/o/r/issues/42/comments",
            "POST /repos/o/r/actions/workflows/ci-orchestrated.yml/dispatches", "PATCH /repos/o/r/issues/comments/5000001",
        ], "event mode keeps its memory in the PR's comments, and re-reads them once to settle races")
        let dispatch = try XCTUnwrap(fake.requests.first { $0.path.hasSuffix("/dispatches") })
        XCTAssertEqual(dispatch.body?["return_run_details"] as? Bool, true)
        XCTAssertEqual(dispatch.headers["x-github-api-version"], "2022-11-28")
        XCTAssertEqual(dispatch.body?["ref"] as? String, "feature/x")
        let inputs = try XCTUnwrap(dispatch.body?["inputs"] as? [String: String])
        XCTAssertEqual(inputs["strategy"], "single")
        XCTAssertEqual(inputs["sample_id"], "s-1")
        XCTAssertEqual(inputs["origin_pr"], "42")
        XCTAssertEqual(fake.requests.first { $0.path.hasSuffix("/reactions") }?.body?["content"] as? String, "eyes")

        let ack = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
        for text in ["**Orchestrated run requested** by @maintainer on #42 ([comment](https://github.com/o/r/pull/42#issuecomment-3456789012))",
                     "- ref: `feature/x`", "- strategy: `single`", "- include_integration: `false`", "- sample_id: `s-1`",
                     "- filters: `strategy=single include_integration=false sample_id=s-1 ref=feature/x`",
                     "- monitor: https://github.com/o/r/actions/runs/19600000000",
                     "Re-run with the same inputs: `/run orchestrated strategy=single include_integration=false sample_id=s-1 ref=feature/x`",
                     "<!-- invoker-supervisor-dispatch {"] {
            XCTAssertTrue(ack.contains(text), "'\(text)' not in\n\(ack)")
        }
        XCTAssertEqual(DispatchRecord.find(in: ack)?.runURL, outcome.runURL)
    }

    func testA204IsCorrelatedByTheDispatchIdInTheRunTitle() throws {
        let fake = try FakeGitHub()
        fake.dispatchStatus = 204
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "dispatched")
        XCTAssertEqual(outcome.runURL, "https://github.com/o/r/actions/runs/19600000000")
        let search = try XCTUnwrap(fake.requests.first { $0.path.hasSuffix("/runs") && $0.query["event"] != nil })
        XCTAssertEqual(search.query["event"], "workflow_dispatch")
        XCTAssertEqual(search.query["branch"], "feature/x")
        XCTAssertTrue(search.query["created"]?.hasPrefix(">=") ?? false)
    }

    func testA5xxIsRetriedOnceButNeverMakesASecondRun() throws {
        let created = try FakeGitHub()
        created.fail("POST /dispatches", with: [502])
        created.createRunOnFailure = true
        XCTAssertEqual(try XCTUnwrap(handler(created).handle(comment("/run orchestrated"))).code, "dispatched")
        XCTAssertEqual(calls(created, "POST", "/dispatches"), 1, "the run was made despite the 502: no retry")

        let lost = try FakeGitHub()
        lost.fail("POST /dispatches", with: [503])
        XCTAssertEqual(try XCTUnwrap(handler(lost).handle(comment("/run orchestrated"))).code, "dispatched")
        XCTAssertEqual(calls(lost, "POST", "/dispatches"), 2, "one retry")
    }

    func testFailuresAreReportedWithTheStatusAndNeverClaimedAsSuccess() throws {
        let fake = try FakeGitHub()
        fake.fail("POST /dispatches", with: [422])
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "failed")
        XCTAssertNil(outcome.runURL)
        let ack = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
        XCTAssertTrue(ack.contains("**dispatch failed: HTTP 422** — `Unprocessable Entity`"), ack)
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 1, "a 4xx is not retried")

        let twice = try FakeGitHub()
        twice.fail("POST /dispatches", with: [500, 500])
        XCTAssertEqual(try XCTUnwrap(handler(twice).handle(comment("/run orchestrated"))).code, "failed")
        XCTAssertTrue((twice.postedComments.first?["body"] as? String)?.contains("HTTP 500") ?? false)
    }

    func testEveryRefusalHasAConcreteReason() throws {
        var disabled = DispatchConfig()
        disabled.enabled = false
        var singleOnly = DispatchConfig()
        singleOnly.strategies = [.single]
        let cases: [(DispatchConfig, PullRequestComment, String, String, (FakeGitHub) -> Void)] = [
            (DispatchConfig(), comment("/run orchestrated strategy=huge"), "malformed", "strategy must be single or matrix, not `huge`", { _ in }),
            (disabled, comment("/run orchestrated"), "disabled", "dispatch is turned off", { _ in }),
            (DispatchConfig(), comment("/run orchestrated", headRepository: "stranger/r"), "fork", "comes from the fork `stranger/r`", { _ in }),
            (DispatchConfig(), comment("/run orchestrated", author: "visitor"), "unauthorized", "@visitor has the `read` role; `write` is required (rule: collaborator role_name)", { $0.permission = "read" }),
            (singleOnly, comment("/run orchestrated strategy=matrix"), "disabled", "strategy `matrix` is turned off in the dispatcher's config (`strategies`)", { _ in }),
            (DispatchConfig(), comment("/run orchestrated", association: "NONE"), "unauthorized", "the permission check answered HTTP 404", { $0.fail("GET /permission", with: [404]) }),
        ]
        for (config, input, code, detail, prepare) in cases {
            let fake = try FakeGitHub()
            prepare(fake)
            let outcome = try XCTUnwrap(handler(fake, config).handle(input))
            XCTAssertEqual(outcome.code, code)
            let reply = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
            XCTAssertTrue(reply.hasPrefix("**Not dispatched: `\(code)`** — "), reply)
            XCTAssertTrue(reply.contains(detail), reply)
            XCTAssertTrue(reply.contains("Re-run with the same inputs: `/run orchestrated"))
            XCTAssertEqual(calls(fake, "POST", "/dispatches"), 0)
            if code == "malformed" { XCTAssertTrue(reply.contains("Usage: `/run orchestrated [strategy=single|matrix]")) }
        }
    }

    func testWhenThePermissionCallFailsTheAuthorAssociationDecidesAndSaysSo() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /permission", with: [403, 403])
        XCTAssertEqual(try XCTUnwrap(handler(fake).handle(comment("/run orchestrated", association: "MEMBER"))).code, "dispatched")
        XCTAssertTrue((fake.postedComments.first?["body"] as? String)?.contains("answered HTTP 403") ?? false)
        XCTAssertEqual(try XCTUnwrap(handler(fake).handle(comment("/run orchestrated sample_id=z", association: "CONTRIBUTOR"))).code, "unauthorized")
    }

    func testASlowPermissionCheckStillAcknowledgesWithinTenSeconds() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /permission", with: [0])
        let began = Date()
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated")))
        XCTAssertEqual(outcome.code, "dispatched")
        let ack = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
        XCTAssertTrue(ack.contains("the permission check answered HTTP 0"), ack)
        XCTAssertLessThan(Date().timeIntervalSince(began), 10, "the ack waits at most the pre-ack timeout per call")
    }

    func testANetworkErrorOnDispatchIsRetriedOnce() throws {
        let fake = try FakeGitHub()
        fake.fail("POST /dispatches", with: [0])
        var config = DispatchConfig()
        config.correlateSeconds = 1
        let dispatcher = CommentHandler(config: config, api: GitHubAPI(baseURL: fake.baseURL, token: token, timeout: 1), serverURL: "https://github.com",
                                        pause: { _ in })
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run orchestrated"))).code, "dispatched")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 2)
    }

    func testTwentyDuplicatesArrivingTogetherMakeOneRun() throws {
        let fake = try FakeGitHub()
        let dispatcher = handler(fake)
        let outcomes = (0..<20).compactMap { dispatcher.handle(comment("/run orchestrated strategy=matrix sample_id=dup-1", id: 100 + $0)) }
        XCTAssertEqual(outcomes.map(\.code), ["dispatched"] + Array(repeating: "duplicate", count: 19))
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 1)
        let duplicate = try XCTUnwrap(fake.postedComments.last?["body"] as? String)
        XCTAssertTrue(duplicate.contains("#issuecomment-100), run: https://github.com/o/r/actions/runs/19600000000"), duplicate)
    }

    func testTwoHandlersRacingOnGitHubMakeOneRun() throws {
        let fake = try FakeGitHub()
        let inputs = DispatchInputs(strategy: .single, includeIntegration: false, sampleID: "race", ref: "feature/x")
        let rival = DispatchRecord(kind: "ack", pullRequest: 42, commentID: 900, inputs: inputs, sampleIDGiven: true,
                                   dispatchID: "dother", runURL: nil, at: Date().timeIntervalSince1970)
        fake.rivalReplyBeforeNextPost = "ack by another handler\n" + rival.hidden
        let outcome = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated sample_id=race", id: 901)))
        XCTAssertEqual(outcome.code, "duplicate", "the later acknowledgement stands down")
        XCTAssertEqual(calls(fake, "POST", "/dispatches"), 0)
        let edited = try XCTUnwrap(fake.postedComments.last?["body"] as? String)
        XCTAssertTrue(edited.hasPrefix("**Not dispatched: `duplicate`** — the same request is being handled in [comment](https://github.com/o/r/pull/42#issuecomment-900) (reply 5000001)"), edited)
    }

    func testStatusAndRerunUseTheEarlierReplies() throws {
        let fake = try FakeGitHub()
        let dispatcher = handler(fake)
        XCTAssertTrue((try XCTUnwrap(dispatcher.handle(comment("/run status", id: 1))).code) == "status")
        XCTAssertTrue((fake.postedComments.last?["body"] as? String)?.hasPrefix("**No orchestrated run yet on #42.**") ?? false)
        XCTAssertEqual(try XCTUnwrap(dispatcher.handle(comment("/run rerun", id: 2))).code, "malformed")
        _ = dispatcher.handle(comment("/run orchestrated strategy=matrix sample_id=first", id: 3))
        _ = dispatcher.handle(comment("/run status", id: 4))
        XCTAssertTrue((fake.postedComments.last?["body"] as? String)?.contains("**Most recent orchestrated run on #42**: https://github.com/o/r/actions/runs/19600000000 — sample_id `first`") ?? false)
        let rerun = try XCTUnwrap(dispatcher.handle(comment("/run rerun", id: 5)))
        XCTAssertEqual(rerun.code, "duplicate", "a re-run within 60 s of the same inputs is a duplicate")
    }

    func testABusyRunnerDowngradesOrQueuesAndSaysWhy() throws {
        let fake = try FakeGitHub()
        fake.addActiveRun(branch: "develop", title: "orchestrated pr7-x")
        let downgraded = try XCTUnwrap(handler(fake).handle(comment("/run orchestrated strategy=matrix sample_id=m1")))
        XCTAssertEqual(downgraded.code, "dispatched")
        let ack = try XCTUnwrap(fake.postedComments.last?["body"] as? String)
        XCTAssertTrue(ack.contains("- busy: 1 run(s) of `ci-orchestrated.yml` queued or in progress; matrix downgraded to single (busyPolicy: downgrade)"), ack)
        XCTAssertEqual((fake.requests.first { $0.path.hasSuffix("/dispatches") }?.body?["inputs"] as? [String: String])?["strategy"], "single")

        var queue = DispatchConfig()
        queue.busyPolicy = .queue
        let queued = try FakeGitHub()
        queued.addActiveRun(branch: "develop", title: "orchestrated pr7-x", status: "queued")
        _ = handler(queued, queue).handle(comment("/run orchestrated strategy=matrix sample_id=m2"))
        XCTAssertTrue((queued.postedComments.last?["body"] as? String)?.contains("- queued: 1 run(s) of `ci-orchestrated.yml` queued or in progress; this run waits its turn") ?? false)
        XCTAssertEqual((queued.requests.first { $0.path.hasSuffix("/dispatches") }?.body?["inputs"] as? [String: String])?["strategy"], "matrix")
    }

    func testAutoCancelIsOptInAndListsWhatItCancelled() throws {
        let off = try FakeGitHub()
        off.addActiveRun(branch: "feature/x", title: "orchestrated pr42-20261126-100000-aaaa")
        _ = handler(off).handle(comment("/run orchestrated"))
        XCTAssertEqual(calls(off, "POST", "/cancel"), 0, "nothing destructive without the flag")

        var on = DispatchConfig()
        on.autoCancel = true
        let fake = try FakeGitHub()
        fake.addActiveRun(branch: "feature/x", title: "orchestrated pr42-20261126-100000-aaaa")
        fake.addActiveRun(branch: "other", title: "orchestrated pr42-20261126-100000-bbbb")
        _ = handler(fake, on).handle(comment("/run orchestrated"))
        XCTAssertEqual(fake.requests.filter { $0.path.hasSuffix("/cancel") }.map(\.path), ["/repos/o/r/actions/runs/19500000000/cancel"])
        XCTAssertTrue((fake.postedComments.last?["body"] as? String)?.contains("cancelled older runs on `feature/x` in sample group `pr42` (autoCancel): [19500000000]") ?? false)
    }

    func testTheTokenIsNeverSentAnywhereButTheAuthorizationHeader() throws {
        let fake = try FakeGitHub()
        let dispatcher = handler(fake)
        _ = dispatcher.handle(comment("/run orchestrated"))
        _ = dispatcher.handle(comment("/run orchestrated strategy=bad"))
        for request in fake.requests {
            XCTAssertEqual(request.headers["authorization"], "Bearer \(token)")
            XCTAssertEqual(request.raw.components(separatedBy: token).count - 1, 1, "\(request.method) \(request.path)")
        }
        for posted in fake.postedComments { XCTAssertFalse((posted["body"] as? String ?? "").contains(token)) }
    }
}
/// The rate-limit waits a client was told to make.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    func add(_ seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
    }

    var all: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
#endif
