import XCTest
@testable import Supervisor

/// Provenance from real GitHub event payload samples (Tests/Fixtures/events).
final class ProvenanceTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func provenance(_ event: String, _ extra: [String: String] = [:]) -> Provenance {
        var environment = [
            "GITHUB_REPOSITORY": "LabVIEW-Community-CI-CD/compare-vi-cli-action", "GITHUB_WORKFLOW": "ci-orchestrated",
            "GITHUB_EVENT_NAME": event, "GITHUB_RUN_ID": "19638765432", "GITHUB_RUN_ATTEMPT": "1",
            "GITHUB_REF": "refs/heads/develop", "GITHUB_REF_NAME": "develop", "GITHUB_SHA": "72ac5396aabbccddeeff00112233445566778899",
            "GITHUB_EVENT_PATH": Self.fixtures.appendingPathComponent("events/\(event).json").path,
        ]
        environment.merge(extra) { _, new in new }
        return Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 1_795_692_089), machine: "host")
    }

    func testKeysAreInTheDocumentedOrder() {
        XCTAssertEqual(provenance("workflow_dispatch").fields.map(\.0), [
            "schema", "schemaVersion", "generatedAtUtc", "repository", "workflow", "eventName", "runId", "runAttempt", "ref",
            "refName", "branch", "headRef", "baseRef", "headSha", "runner", "origin_kind", "origin_pr", "origin_comment_id",
            "origin_comment_url", "origin_author", "sample_id", "include_integration", "strategy"])
    }

    func testPullRequestGivesNumberRefsAndHeadSha() {
        let record = provenance("pull_request", ["GITHUB_REF": "refs/pull/42/merge", "GITHUB_REF_NAME": "42/merge",
                                                 "GITHUB_HEAD_REF": "issue/87-invoker-ready-race", "GITHUB_BASE_REF": "develop"])
        XCTAssertEqual(record.value("prNumber"), "42")
        XCTAssertEqual(record.value("branch"), "42/merge", "the seed's meaning: branch is refName")
        XCTAssertEqual(record.value("headRef"), "issue/87-invoker-ready-race")
        XCTAssertEqual(record.value("baseRef"), "develop")
        XCTAssertEqual(record.value("headSha"), "72ac5396aabbccddeeff00112233445566778899", "the seed's meaning: GITHUB_SHA, the merge commit")
        XCTAssertEqual(record.value("prHeadSha"), "9e1856c6a1b2c3d4e5f60718293a4b5c6d7e8f90", "ours: the PR's own head")
        XCTAssertNil(record.value("origin_kind"))
        XCTAssertNil(record.note)
    }

    /// The seed's own Pester cases (tests/RunProvenance.Tests.ps1 at 953ccf14), with its runner variables.
    private let seedRunner = [
        "RUNNER_NAME": "test-runner", "RUNNER_OS": "Windows", "RUNNER_ARCH": "X64", "GITHUB_JOB": "unit-tests",
        "RUNNER_ENVIRONMENT": "self-hosted", "RUNNER_TRACKING_ID": "tracking-test", "RUNNER_LABELS": "self-hosted,windows,lvsuite",
        "ImageOS": "windows-server-2022", "ImageVersion": "2025.10.0",
    ]

    private func seedCase(_ environment: [String: String], event: [String: Any]? = nil) throws -> [String: Any] {
        var payload = Provenance.Payload.unavailable("GITHUB_EVENT_PATH is not set")
        if let event { payload = .loaded(event) }
        let record = Provenance(environment: seedRunner.merging(environment) { _, new in new }, payload: payload,
                                now: Date(timeIntervalSince1970: 0), machine: "host")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(record.json.pretty().utf8)) as? [String: Any])
    }

    func testSeedCaseWorkflowDispatchFallsBackToRefName() throws {
        let p = try seedCase(["GITHUB_EVENT_NAME": "workflow_dispatch", "GITHUB_REF": "refs/heads/feature/fallback",
                              "GITHUB_REF_NAME": "feature/fallback", "GITHUB_REPOSITORY": "owner/repo", "GITHUB_SHA": "deadbeef"])
        XCTAssertEqual(p["branch"] as? String, "feature/fallback")
        XCTAssertEqual(p["refName"] as? String, "feature/fallback")
        XCTAssertEqual(p["headRef"] as? String, "feature/fallback")
        XCTAssertEqual(p["baseRef"] as? String, "")
        let runner = try XCTUnwrap(p["runner"] as? [String: Any])
        XCTAssertEqual(runner["labels"] as? [String], ["self-hosted", "windows", "lvsuite"])
        XCTAssertEqual(runner["name"] as? String, "test-runner")
        XCTAssertEqual(runner["environment"] as? String, "self-hosted")
        XCTAssertEqual(runner["imageVersion"] as? String, "2025.10.0")
    }

    func testSeedCasePullRequestPayloadRefsAndNumber() throws {
        let p = try seedCase(["GITHUB_EVENT_NAME": "pull_request", "GITHUB_REF": "refs/pull/123/merge", "GITHUB_REF_NAME": "feature/from-pr"],
                             event: ["pull_request": ["number": 123, "head": ["ref": "feature/from-pr"], "base": ["ref": "develop"]]])
        XCTAssertEqual(p["prNumber"] as? Int, 123)
        XCTAssertEqual(p["headRef"] as? String, "feature/from-pr")
        XCTAssertEqual(p["baseRef"] as? String, "develop")
    }

    func testSeedCasePushAndRefNameFromRef() throws {
        let p = try seedCase(["GITHUB_EVENT_NAME": "push", "GITHUB_REF": "refs/heads/feature/push-case"])
        XCTAssertEqual(p["branch"] as? String, "feature/push-case", "GITHUB_REF_NAME unset: taken from GITHUB_REF")
        XCTAssertEqual(p["refName"] as? String, "feature/push-case")
        XCTAssertEqual(p["headRef"] as? String, "feature/push-case")
        XCTAssertNil(p["prNumber"])
        XCTAssertEqual(try seedCase(["GITHUB_REF": "refs/tags/v1.0.0"])["refName"] as? String, "", "only branch refs are recovered")
    }

    func testSeedCaseOriginVariables() throws {
        let p = try seedCase(["GITHUB_EVENT_NAME": "workflow_dispatch", "GITHUB_REF_NAME": "feature/strategy-case",
                              "EV_STRATEGY": "single", "EV_INCLUDE_INTEGRATION": "false"])
        XCTAssertEqual(p["strategy"] as? String, "single")
        XCTAssertEqual(p["include_integration"] as? String, "false")
    }

    func testRunnerWithoutVariablesHasNullsAndNoLabels() throws {
        let runner = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(Provenance.runner([:], machine: "h").pretty().utf8)) as? [String: Any])
        XCTAssertTrue(runner["name"] is NSNull)
        XCTAssertEqual(runner["machine"] as? String, "h")
        XCTAssertNil(runner["labels"])
        XCTAssertNil(runner["environment"])
    }

    func testIssueCommentOnAPullRequestGivesItsNumber() {
        XCTAssertEqual(provenance("issue_comment").value("prNumber"), "42")
    }

    func testWorkflowDispatchInputsFillTheOriginAndEnvironmentWins() {
        let record = provenance("workflow_dispatch", ["EV_STRATEGY": "matrix"])
        XCTAssertEqual(record.value("origin_kind"), "pr-comment")
        XCTAssertEqual(record.value("sample_id"), "pr42-20261126-110312-3f9a")
        XCTAssertEqual(record.value("include_integration"), "false", "a boolean input is written as text")
        XCTAssertEqual(record.value("strategy"), "matrix")
        XCTAssertNil(record.value("prNumber"))
    }

    func testPushHasNoPullRequest() {
        let record = provenance("push")
        XCTAssertNil(record.value("prNumber"))
        XCTAssertEqual(record.value("branch"), "develop")
        XCTAssertEqual(record.value("headSha"), "72ac5396aabbccddeeff00112233445566778899")
    }

    func testMissingPayloadIsANoteNotAnError() {
        let record = provenance("pull_request", ["GITHUB_EVENT_PATH": "/nonexistent/event.json"])
        XCTAssertNil(record.value("prNumber"))
        XCTAssertEqual(record.note, "event payload unavailable (cannot read `/nonexistent/event.json`); prNumber and workflow_dispatch inputs are omitted")
        XCTAssertTrue(record.markdown.hasSuffix("- note: event payload unavailable (cannot read `/nonexistent/event.json`); prNumber and workflow_dispatch inputs are omitted\n\n"))
    }

    func testJSONAndMarkdownCarryTheSameValuesAndValidate() throws {
        let record = provenance("workflow_dispatch")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(record.json.pretty().utf8)) as? [String: Any])
        XCTAssertEqual(try SchemaLite.validate(object, against: try EmbeddedSchemas.load("run-provenance")), [])
        for (key, _) in record.fields {
            let text = record.value(key)!
            XCTAssertTrue(record.markdown.contains("\n- \(key):" + (text.isEmpty ? "" : " `\(text)`") + "\n"), key)
        }
        XCTAssertTrue(record.markdown.hasPrefix("### Run Provenance\n\n- schema: `run-provenance/v1`\n- schemaVersion: `1.0.0`\n- generatedAtUtc: `2026-11-26T11:21:29.000Z`\n"))
    }
}
