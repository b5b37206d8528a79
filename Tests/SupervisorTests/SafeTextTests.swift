import XCTest
import Foundation
@testable import Supervisor
@testable import SupervisorPlatform
import SafeText

/// Text from outside stays on its line in errors (`LogText`) and inert in Markdown (`MarkdownText`).
final class SafeTextTests: XCTestCase {
    func testInlineCodeFenceIsLongerThanAnyBacktickRunInside() {
        XCTAssertEqual(MarkdownText.code("main"), "`main`")
        XCTAssertEqual(MarkdownText.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownText.code("x ``` y"), "````x ``` y````")
        XCTAssertEqual(MarkdownText.code("`start"), "`` `start ``")
        XCTAssertEqual(MarkdownText.code(" padded "), "`  padded  `")
        XCTAssertEqual(MarkdownText.code("  "), "`  `")
        XCTAssertEqual(MarkdownText.code(""), "` `")
        XCTAssertEqual(MarkdownText.code("x\n### Injected\r\u{1B}[31m"), "`x\\n### Injected\\r\\u{1B}[31m`")
    }

    /// Issue 18's reproducer: an `inputs` value of `x\n### Injected` added a heading to the summary.
    func testPayloadTextCannotStartABlockInTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safetext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let event = folder.appendingPathComponent("event.json")
        let payload: [String: Any] = ["inputs": ["strategy": "x\n### Injected", "sample_id": "<img src=x> @team `tick`"]]
        try JSONSerialization.data(withJSONObject: payload).write(to: event)
        let environment = ["GITHUB_EVENT_PATH": event.path, "GITHUB_REF_NAME": "feature/<b>`x`</b>", "GITHUB_REPOSITORY": "o/r",
                           "GITHUB_WORKFLOW": "ci.yml", "GITHUB_RUN_ID": "1"]
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 0), machine: "h")
        XCTAssertTrue(provenance.markdown.contains("\n- strategy: `x\\n### Injected`\n"), provenance.markdown)
        XCTAssertTrue(provenance.markdown.contains("\n- sample_id: `` <img src=x> @team `tick` ``\n"), provenance.markdown)
        XCTAssertTrue(provenance.markdown.contains("\n- branch: ``feature/<b>`x`</b>``\n"), provenance.markdown)
        let summary = OrderedSummary(provenance: provenance, invoker: "", snapshots: SummarySnapshots(), outcome: nil,
                                     runURL: OrderedSummary.runURL(environment), workflow: .from(environment)).markdown()
        XCTAssertFalse(summary.contains("\n### Injected"), summary)
        XCTAssertTrue(summary.contains("\n$ `` /run orchestrated strategy=x\\n### Injected include_integration=true sample_id=<img src=x> @team `tick` ``\n"), summary)
        XCTAssertTrue(summary.contains("\ngh workflow run ci.yml -R o/r -r 'feature/<b>`x`</b>' -f include_integration=true -f 'sample_id=<img src=x> @team `tick`'\n"), summary)
        let headings = summary.split(separator: "\n").filter { $0.hasPrefix("#") }
        XCTAssertEqual(headings, ["### Run Provenance", "### Re-run With Same Inputs", "### Re-run (gh)"])
    }

    func testProcessNamesAndTitlesAreInertInSnapshots() {
        let entry = ProcessSnapshot.Entry(name: "x\n# Owned", pid: 7, parentPID: 1, startTime: "2026-11-26T11:21:29.000Z", windowTitle: "[link](http://e)")
        let snapshot = ProcessSnapshot(phase: "post-invoker", at: "2026-11-26T11:21:29.000Z", watch: ["x"], processes: [entry], previous: nil)
        XCTAssertTrue(SnapshotMarkdown.section(snapshot).contains("\n- `x\\n# Owned` (PID 7) `[link](http://e)`\n"))
    }

    /// Issue 18's reproducer for errors: `{"a\nb":1}` gave a two-line config error.
    func testEveryErrorIsOneLine() throws {
        let hostile = "a\nb\r\u{1B}c\u{85}d\u{2028}"
        XCTAssertThrowsError(try ConfigLoader.parse(JSONParser.parse(Array(#"{"a\nb":1}"#.utf8)), file: "/c.json", overrides: ConfigOverrides(),
                                                    currentDirectory: "/")) { error in
            XCTAssertEqual("\(error)", #"config key 'a\nb' is not known; remove it or use one of: \#(ConfigLoader.topKeys.joined(separator: ", "))."#)
        }
        let errors: [any Error & CustomStringConvertible] = [
            ConfigError.unknownKey(key: hostile, allowed: [hostile]), ConfigError.invalidJSON(file: hostile, detail: hostile),
            ConfigError.wrongType(key: hostile, expected: "a string", got: hostile), ConfigError.invalidValue(key: hostile, problem: hostile, fix: "fix"),
            UsageError.badValue(option: hostile, value: hostile, expected: "x"), UsageError.cannotRun(program: hostile, fix: "fix"),
            SessionFileError.unreadable(path: hostile, detail: hostile), DaemonRefusal.alreadyRunning(pid: 1, stateDir: hostile),
            LifecycleError.illegalEvent(event: hostile, state: hostile), PlatformError(message: "\(hostile): cannot lock"),
            SchemaLite.Unsupported(message: "schema keyword '\(hostile)' is not supported"),
        ]
        for error in errors {
            XCTAssertTrue(LogText.isPlain(error.description), error.description)
            XCTAssertTrue(error.description.contains(#"a\nb\r\u{1B}c\u{85}d\u{2028}"#), error.description)
        }
        XCTAssertThrowsError(try SchemaLite.validate([:], against: ["$ref": "#/definitions/\(hostile)"])) { error in
            XCTAssertTrue(LogText.isPlain("\(error)"), "\(error)")
        }
    }
}
