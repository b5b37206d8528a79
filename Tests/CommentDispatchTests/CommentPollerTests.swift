#if os(Linux)
import XCTest
@testable import CommentDispatch

/// `dispatch poll` against the fake server: conditional requests, restarts, 20 duplicates at once.
final class CommentPollerTests: XCTestCase {
    private func poller(_ fake: FakeGitHub, state: String) -> CommentPoller {
        var config = DispatchConfig()
        config.correlateSeconds = 1
        let api = GitHubAPI(baseURL: fake.baseURL, token: "t0ken")
        let handler = CommentHandler(config: config, api: api, serverURL: "https://github.com", pause: { _ in })
        return CommentPoller(repository: "o/r", api: api, handler: handler, statePath: state)
    }

    private func stateFile() -> String {
        NSTemporaryDirectory() + "poller-\(UUID().uuidString).json"
    }

    func testAnUnchangedListIsA304AndCostsNothingMore() throws {
        let fake = try FakeGitHub()
        let state = stateFile()
        fake.addUserComment("just a review note", id: 1)
        XCTAssertEqual(try poller(fake, state: state).pollOnce(), [])
        let before = fake.requests.count
        XCTAssertEqual(try poller(fake, state: state).pollOnce(), [])
        XCTAssertEqual(fake.requests.count, before + 1, "one conditional request, nothing else")
        XCTAssertEqual(fake.requests.last?.headers["if-none-match"], "\"c1-0\"")
    }

    func testTwentyDuplicatesInOnePollMakeOneRunAndSevenCallsForIt() throws {
        let fake = try FakeGitHub()
        for index in 0..<20 { fake.addUserComment("/run orchestrated strategy=single sample_id=same", id: 100 + index) }
        let outcomes = try poller(fake, state: stateFile()).pollOnce()
        XCTAssertEqual(outcomes.map(\.code), ["dispatched"] + Array(repeating: "duplicate", count: 19))
        XCTAssertEqual(fake.requests.filter { $0.path.hasSuffix("/dispatches") }.count, 1)
        let firstHandling = fake.requests.dropFirst(2).prefix(7)
        XCTAssertEqual(firstHandling.map { "\($0.method) \($0.path)\($0.query["status"].map { "?status=" + $0 } ?? "")" }, [
            "GET /repos/o/r/collaborators/maintainer/permission",
            "GET /repos/o/r/actions/workflows/ci-orchestrated.yml/runs?status=in_progress",
            "GET /repos/o/r/actions/workflows/ci-orchestrated.yml/runs?status=queued",
            "POST /repos/o/r/issues/42/comments", "POST /repos/o/r/issues/comments/100/reactions",
            "POST /repos/o/r/actions/workflows/ci-orchestrated.yml/dispatches", "PATCH /repos/o/r/issues/comments/5000001",
        ], "after the listing and the one-time PR lookup: seven calls for a dispatch")
    }

    func testACommentWhosePullRequestCannotBeReadIsStillAnswered() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /pulls/42", with: [404])
        fake.addUserComment("/run orchestrated", id: 1)
        XCTAssertEqual(try poller(fake, state: stateFile()).pollOnce().map(\.code), ["unavailable"])
        let reply = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
        XCTAssertTrue(reply.hasPrefix("**Not dispatched: `unavailable`** — could not read pull request #42"), reply)
    }

    func testARateLimitedListingTellsTheLoopHowLongToWait() throws {
        let fake = try FakeGitHub()
        fake.fail("GET /issues/comments", with: [429], headers: ["retry-after": "3600"])
        XCTAssertThrowsError(try poller(fake, state: stateFile()).pollOnce()) { error in
            guard let failure = error as? Unreadable else { return XCTFail("\(error)") }
            XCTAssertTrue(failure.response.isRateLimited)
            XCTAssertEqual(RateLimit.wait(headers: failure.response.headers, attempt: 1, now: Date()), 3600)
        }
        XCTAssertEqual(fake.requests.count, 1, "a wait past the poll's deadline is not made inside the poll")
    }

    func testARestartNeitherLosesNorRepeatsACommand() throws {
        let fake = try FakeGitHub()
        let state = stateFile()
        fake.addUserComment("/run orchestrated sample_id=a", id: 1)
        XCTAssertEqual(try poller(fake, state: state).pollOnce().map(\.code), ["dispatched"])
        fake.addUserComment("/run orchestrated sample_id=b", id: 2)
        // A new process: only the new command is handled, and the earlier dispatch is still known.
        XCTAssertEqual(try poller(fake, state: state).pollOnce().map(\.code), ["dispatched"])
        XCTAssertEqual(fake.requests.filter { $0.path.hasSuffix("/dispatches") }.count, 2)
        fake.addUserComment("/run orchestrated sample_id=a", id: 3)
        XCTAssertEqual(try poller(fake, state: state).pollOnce().map(\.code), ["duplicate"], "the first dispatch is remembered across restarts")
        XCTAssertEqual(try poller(fake, state: state).pollOnce(), [])
    }
}
#endif
