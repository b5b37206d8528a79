import XCTest
@testable import Supervisor

/// Compare outcomes read as the seed's Parse-CompareExec.ps1 reads them, from the seed's own test
/// cases and real files (Tests/Fixtures/seed/compare, see its README.md), plus our reason codes.
final class CompareOutcomeTests: XCTestCase {
    private let seed = ProvenanceTests.fixtures.appendingPathComponent("seed/compare").path

    private func layout(_ name: String = #function) throws -> String {
        let folder = NSTemporaryDirectory() + "compare-outcome-tests/\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/drift", withIntermediateDirectories: true)
        return folder
    }

    private func put(_ fixture: String, at path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: seed + "/" + fixture, toPath: path)
    }

    private func write(_ text: String, at path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func writeExec(in folder: String, exitCode: Int, cli: String, base: String, head: String, name: String = "drift/compare-exec.json") throws -> String {
        let exec: [String: Any] = [
            "schema": "compare-exec/v1", "generatedAt": "2026-11-26T12:21:29.1234567+01:00", "cliPath": cli,
            "command": "\"\(cli)\" \"\(base)\" \"\(head)\" -nobdcosm", "args": ["-nobdcosm"], "exitCode": exitCode, "diff": exitCode == 1,
            "cwd": folder, "duration_s": 1.234567, "duration_ns": 1_234_567_000, "base": base, "head": head,
        ]
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: exec).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func touch(_ path: String) { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }

    private func outcome(_ folder: String, _ expectation: CompareOutcome.Expectation? = .expected) -> CompareOutcome? {
        SummaryBuilder.outcome(under: folder, expectation: expectation)
    }

    // MARK: - The seed's Pester cases (tests/ParseCompareExec.Tests.ps1)

    func testSeedCasePrefersTheCaptureAndFillsFromIt() throws {
        let folder = try layout()
        let compare = folder + "/results/compare"
        try put("capture-pester.json", at: compare + "/lvcompare-capture.json")
        try put("exec-pester-partial.json", at: compare + "/compare-exec.json")
        try write("diff detected\nline2", at: compare + "/lvcompare-stdout.txt")
        try write("", at: compare + "/lvcompare-stderr.txt")
        try write("<html></html>", at: compare + "/compare-report.html")
        let result = try XCTUnwrap(outcome(folder + "/results"))
        XCTAssertEqual(result.source, .capture)
        XCTAssertEqual(result.captureJson, compare + "/lvcompare-capture.json")
        XCTAssertEqual(result.capture.status, "ok")
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.diff, true)
        XCTAssertEqual(result.durationMs, 420, "the capture's seconds win over the exec file's duration_s")
        XCTAssertEqual(result.stdoutLen, 18)
        XCTAssertEqual(result.stdoutPath, compare + "/lvcompare-stdout.txt")
        XCTAssertEqual(result.stderrLen, 0)
        XCTAssertEqual(result.reportPath, compare + "/compare-report.html")
        XCTAssertEqual(result.compareExec.status, "ok")
        XCTAssertEqual(result.compareExec.path, compare + "/compare-exec.json")
        XCTAssertEqual(result.status, .ok)
        XCTAssertTrue(result.markdown.hasPrefix("""
        ### Compare Outcome

        - File: `\(compare)/lvcompare-capture.json`
        - diff: True
        - exitCode: 1
        - durationMs: 420
        - cliPath: `C:\\Program Files\\NI\\LVCompare.exe`
        """), result.markdown)
    }

    func testSeedCaseCustomReportFromCaptureMetadata() throws {
        let folder = try layout()
        try write(#"{"schema":"lvcompare-capture-v1","timestamp":"2025-01-02T03:04:05Z","exitCode":1,"seconds":0.42,"environment":{"cli":{"reportPath":"./diff-report-Initialization_UserEvents.vi.html"}}}"#,
                  at: folder + "/compare/lvcompare-capture.json")
        try write("<html/>", at: folder + "/compare/diff-report-Initialization_UserEvents.vi.html")
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.source, .capture)
        XCTAssertEqual(result.reportPath, folder + "/compare/diff-report-Initialization_UserEvents.vi.html")
    }

    func testSeedCaseFallsBackToCompareExec() throws {
        let folder = try layout()
        try put("exec-pester-exec-only.json", at: folder + "/drift/compare-exec.json")
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.source, .compareExec)
        XCTAssertEqual(result.capture.status, "missing")
        XCTAssertEqual(result.capture.reason, "no_capture_json")
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertEqual(result.diff, false)
        XCTAssertEqual(result.durationMs, 1250)
        XCTAssertEqual(result.compareExec, .init(status: "ok", reason: nil, path: folder + "/drift/compare-exec.json", exitCode: 0, diff: false))
        XCTAssertEqual(result.status, .ok)
        XCTAssertFalse(result.warnings.isEmpty, "a partial exec file is a warning, not a lost result")
    }

    func testSeedCaseNothingFound() throws {
        let folder = try layout()
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.source, .missing)
        XCTAssertNil(result.file)
        XCTAssertEqual(result.capture.reason, "no_capture_json")
        XCTAssertEqual(result.compareExec.reason, "no_exec_json")
        XCTAssertEqual(result.markdown, "### Compare Outcome\n\n- No compare artifacts found under: `\(folder)`\n- reason: no_exec_json\n\n")
        XCTAssertNil(outcome(try layout(), nil), "nothing expected, nothing found: no block")
    }

    // MARK: - The seed's real files

    func testTodaysWritersShapesAreReadNotRejected() throws {
        for (fixture, exitCode, diff, duration) in [("exec-comparevi.json", 1, true, 1234.0), ("exec-refs-to-temp.json", 1, true, 2345.679),
                                                    ("exec-fixture-validation-fail.json", 1, true, 10.0),
                                                    ("exec-fixture-validation-fail-simulate-ok.json", 1, true, 0.0)] {
            let folder = try layout(fixture)
            try put(fixture, at: folder + "/drift/compare-exec.json")
            let result = try XCTUnwrap(outcome(folder))
            XCTAssertEqual(result.source, .compareExec, fixture)
            XCTAssertEqual(result.exitCode, exitCode, fixture)
            XCTAssertEqual(result.diff, diff, fixture)
            XCTAssertEqual(result.durationMs, duration, fixture)
            XCTAssertEqual(result.status, .ok, fixture)
        }
    }

    func testTheRealViReportCapturesAreFound() throws {
        for fixture in ["capture-block-diagram.json", "capture-front-panel.json", "capture-vi-attribute.json"] {
            let folder = try layout(fixture)
            try put(fixture, at: folder + "/vi-report/lvcompare-capture.json")
            try write("<html/>", at: folder + "/vi-report/compare-report.html")
            let result = try XCTUnwrap(outcome(folder))
            XCTAssertEqual(result.source, .capture, fixture)
            XCTAssertNil(result.exitCode, "its values sit under cli.*, which the seed does not read")
            XCTAssertEqual(result.reportPath, folder + "/vi-report/compare-report.html", fixture)
            XCTAssertNotEqual(result.reason, "no_exec_json", "a capture is a compare that ran")
        }
    }

    func testTheGreatestPathWinsAsInTheSeed() throws {
        let folder = try layout()
        _ = try writeExec(in: folder, exitCode: 0, cli: "/x", base: "a", head: "b", name: "results/20251029T000002Z/compare-exec.json")
        _ = try writeExec(in: folder, exitCode: 1, cli: "/x", base: "a", head: "b", name: "results/20251029T000001Z/compare-exec.json")
        XCTAssertEqual(outcome(folder)?.file, folder + "/results/20251029T000002Z/compare-exec.json")
        XCTAssertEqual(CompareOutcome.pick(["/r/B/compare-exec.json", "/r/a/compare-exec.json"]), "/r/B/compare-exec.json", "compared without case")
    }

    func testDurationIsRoundedAsTheSeedRounds() {
        XCTAssertEqual(CompareOutcome.milliseconds(1.234567), 1234.567)
        XCTAssertEqual(CompareOutcome.milliseconds(0.42), 420)
    }

    // MARK: - Ours: reasons when the compare CLI failed or nothing ran

    func testInvokerNotReadyAndSkipped() throws {
        XCTAssertEqual(outcome(try layout(), .invokerNotReady)?.reason, "invoker_not_ready")
        XCTAssertEqual(outcome(try layout(), .skippedByPolicy)?.reason, "skipped")
    }

    func testNoCLIWhenTheCLIIsNotOnThisMachine() throws {
        let folder = try layout()
        touch(folder + "/VI1.vi")
        touch(folder + "/VI2.vi")
        _ = try writeExec(in: folder, exitCode: 2, cli: folder + "/missing/LVCompare.exe", base: folder + "/VI1.vi", head: folder + "/VI2.vi")
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.status, .error)
        XCTAssertEqual(result.reason, "no_cli")
        XCTAssertEqual(result.error, "Compare CLI failed with exit code 2")
    }

    func testMissingVIWhenBaseOrHeadIsGone() throws {
        let folder = try layout()
        touch(folder + "/LVCompare.exe")
        touch(folder + "/VI1.vi")
        _ = try writeExec(in: folder, exitCode: 2, cli: folder + "/LVCompare.exe", base: "VI1.vi", head: "VI2.vi")
        XCTAssertEqual(try XCTUnwrap(outcome(folder)).reason, "missing_vi", "head is resolved against cwd and does not exist")
    }

    func testMalformedFilesAreErrorsNotCrashes() throws {
        let folder = try layout()
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/drift/compare-exec.json"))
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.status, .error)
        XCTAssertEqual(result.compareExec.status, "error")
    }

    func testJSONValidatesAgainstItsSchemaInEveryShape() throws {
        let schema = try EmbeddedSchemas.load("compare-outcome")
        let folder = try layout()
        _ = try writeExec(in: folder, exitCode: 2, cli: "/nowhere/LVCompare.exe", base: "a.vi", head: "b.vi")
        let captured = try layout("captured")
        try put("capture-pester.json", at: captured + "/c/lvcompare-capture.json")
        for result in [CompareOutcome.missing(.expected), CompareOutcome.missing(.invokerNotReady), try XCTUnwrap(outcome(folder)),
                       try XCTUnwrap(outcome(captured))] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.json(at: Date()).text.utf8)))
            XCTAssertEqual(try SchemaLite.validate(object, against: schema, strict: true), [], result.json(at: Date()).text)
        }
    }
}
