#if os(Linux)
import XCTest
@testable import CommentDispatch

/// `invoker-supervisor dispatch …` as a real process against the fake server.
final class DispatchCommandTests: XCTestCase {
    private var supervisor: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/invoker-supervisor"
    }

    private func run(_ arguments: [String], environment: [String: String]) throws -> (code: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: supervisor)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    private func payload(_ body: String) throws -> String {
        let event: [String: Any] = [
            "action": "created", "repository": ["full_name": "o/r"],
            "issue": ["number": 42, "pull_request": ["url": "https://api.github.com/repos/o/r/pulls/42"]],
            "comment": ["id": 777, "html_url": "https://github.com/o/r/pull/42#issuecomment-777", "user": ["login": "maintainer"],
                        "author_association": "MEMBER", "body": body],
        ]
        let path = NSTemporaryDirectory() + "event-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: event).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testEventModeHandlesTheCommentAndNeverPrintsTheToken() throws {
        let fake = try FakeGitHub()
        let token = "ghs_neverPrintMe123"
        let result = try run(["dispatch", "event"], environment: [
            "GITHUB_TOKEN": token, "GITHUB_EVENT_PATH": try payload("/run orchestrated strategy=matrix"),
            "GITHUB_API_URL": fake.baseURL, "GITHUB_SERVER_URL": "https://github.com",
        ])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("dispatch: dispatched https://github.com/o/r/actions/runs/19600000000"), result.stdout)
        XCTAssertFalse((result.stdout + result.stderr).contains(token))
        XCTAssertEqual(fake.requests.first?.path, "/repos/o/r/pulls/42", "the PR's head is looked up first")
    }

    func testARateLimitedPullRequestLookupIsStillAnswered() throws {
        let fake = try FakeGitHub()
        let reset = Int(Date().timeIntervalSince1970) + 3600
        fake.fail("GET /pulls/42", with: [403], headers: ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "\(reset)"])
        fake.failureMessage = "API rate limit exceeded for installation ID 1."
        let result = try run(["dispatch", "event"], environment: [
            "GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": try payload("/run orchestrated"), "GITHUB_API_URL": fake.baseURL,
        ])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("dispatch: rate_limited"), result.stdout)
        let reply = try XCTUnwrap(fake.postedComments.first?["body"] as? String)
        XCTAssertTrue(reply.hasPrefix("**Not dispatched: `rate_limited`** — could not read pull request #42"), reply)
        XCTAssertFalse(fake.requests.contains { $0.path.hasSuffix("/dispatches") })
    }

    func testPlainHTTPToAnotherHostIsAUsageError() throws {
        let result = try run(["dispatch", "event"], environment: [
            "GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": try payload("/run status"), "GITHUB_API_URL": "http://ghe.example.com/api/v3",
        ])
        XCTAssertEqual(result.code, 64)
        XCTAssertTrue(result.stderr.contains("is not https"), result.stderr)
    }

    func testMissingTokenIsAOneLineUsageError() throws {
        let result = try run(["dispatch", "event"], environment: ["GITHUB_EVENT_PATH": try payload("/run status")])
        XCTAssertEqual(result.code, 64)
        XCTAssertEqual(result.stderr, "Error: no token in $GITHUB_TOKEN; pass the workflow's token in that variable (or name another with --token-env)\n")
    }

    func testLinksWritesTheRunLinksBlock() throws {
        let fake = try FakeGitHub()
        let summary = NSTemporaryDirectory() + "links-\(UUID().uuidString).md"
        let result = try run(["dispatch", "links", "--summary", summary], environment: [
            "GITHUB_TOKEN": "t", "GITHUB_API_URL": fake.baseURL, "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "123",
        ])
        XCTAssertEqual(result.code, 0, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: summary, encoding: .utf8), """
        ### Run Links

        - normalize: https://github.com/o/r/actions/runs/123/job/5511
        - windows-single: https://github.com/o/r/actions/runs/123/job/5512


        """)
    }
}
#endif
