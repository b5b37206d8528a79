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
        return Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 1_795_692_089))
    }

    func testKeysAreInTheDocumentedOrder() {
        XCTAssertEqual(provenance("workflow_dispatch").fields.map(\.0), [
            "schema", "schemaVersion", "generatedAtUtc", "repository", "workflow", "eventName", "runId", "runAttempt", "ref",
            "refName", "branch", "headRef", "baseRef", "headSha", "origin_kind", "origin_pr", "origin_comment_id",
            "origin_comment_url", "origin_author", "sample_id", "include_integration", "strategy"])
    }

    func testPullRequestGivesNumberRefsAndHeadSha() {
        let record = provenance("pull_request", ["GITHUB_REF": "refs/pull/42/merge", "GITHUB_REF_NAME": "42/merge",
                                                 "GITHUB_HEAD_REF": "issue/87-invoker-ready-race", "GITHUB_BASE_REF": "develop"])
        XCTAssertEqual(record.value("prNumber"), "42")
        XCTAssertEqual(record.value("branch"), "issue/87-invoker-ready-race")
        XCTAssertEqual(record.value("headRef"), "issue/87-invoker-ready-race")
        XCTAssertEqual(record.value("baseRef"), "develop")
        XCTAssertEqual(record.value("headSha"), "9e1856c6a1b2c3d4e5f60718293a4b5c6d7e8f90", "the PR's head, not the merge commit")
        XCTAssertNil(record.value("origin_kind"))
        XCTAssertNil(record.note)
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
        XCTAssertEqual(record.note, "event payload unavailable (cannot read /nonexistent/event.json); prNumber and workflow_dispatch inputs are omitted")
        XCTAssertTrue(record.markdown.hasSuffix("- note: event payload unavailable (cannot read /nonexistent/event.json); prNumber and workflow_dispatch inputs are omitted\n\n"))
    }

    func testJSONAndMarkdownCarryTheSameValuesAndValidate() throws {
        let record = provenance("workflow_dispatch")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(record.json.pretty().utf8)) as? [String: Any])
        XCTAssertEqual(SchemaLite.validate(object, against: try EmbeddedSchemas.load("run-provenance")), [])
        for (key, _) in record.fields {
            let text = record.value(key)!
            XCTAssertTrue(record.markdown.contains("\n- \(key):" + (text.isEmpty ? "" : " \(text)") + "\n"), key)
        }
        XCTAssertTrue(record.markdown.hasPrefix("### Run Provenance\n\n- schema: run-provenance/v1\n- schemaVersion: 1.0.0\n- generatedAtUtc: 2026-11-26T11:21:29.000Z\n"))
    }
}
