import XCTest
@testable import Supervisor

/// Each compare outcome, and each reason code, from a real file layout.
final class CompareOutcomeTests: XCTestCase {
    private func layout(_ name: String = #function) throws -> String {
        let folder = NSTemporaryDirectory() + "compare-outcome-tests/\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/drift", withIntermediateDirectories: true)
        return folder
    }

    private func writeExec(in folder: String, exitCode: Int, cli: String, base: String, head: String, name: String = "drift/compare-exec.json") throws -> String {
        let exec: [String: Any] = [
            "schema": "compare-exec/v1", "generatedAt": "2026-11-26T12:21:29.1234567+01:00", "cliPath": cli,
            "command": "\"\(cli)\" \"\(base)\" \"\(head)\" -nobdcosm", "args": ["-nobdcosm"], "exitCode": exitCode, "diff": exitCode == 1,
            "cwd": folder, "duration_s": 1.234567, "duration_ns": 1_234_567_000, "base": base, "head": head,
        ]
        let path = folder + "/" + name
        try JSONSerialization.data(withJSONObject: exec).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func touch(_ path: String) { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }

    private func outcome(_ folder: String, _ expectation: CompareOutcome.Expectation? = .expected) -> CompareOutcome? {
        SummaryBuilder.outcome(under: folder, expectation: expectation)
    }

    func testDiffFromExitCodeOne() throws {
        let folder = try layout()
        let file = try writeExec(in: folder, exitCode: 1, cli: folder + "/LVCompare.exe", base: "VI1.vi", head: "VI2.vi")
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result, CompareOutcome(status: .ok, file: file, diff: true, exitCode: 1, durationMs: 1235, cliPath: folder + "/LVCompare.exe",
                                              command: "\"\(folder)/LVCompare.exe\" \"VI1.vi\" \"VI2.vi\" -nobdcosm", base: "VI1.vi", head: "VI2.vi"))
        XCTAssertEqual(result.markdown, """
        ### Compare Outcome

        - file: \(file)
        - diff: true
        - exitCode: 1
        - durationMs: 1235
        - cliPath: \(folder)/LVCompare.exe
        - command: "\(folder)/LVCompare.exe" "VI1.vi" "VI2.vi" -nobdcosm


        """)
    }

    func testNewestExecWins() throws {
        let folder = try layout()
        _ = try writeExec(in: folder, exitCode: 0, cli: "/x", base: "a", head: "b", name: "compare-exec.json")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: folder + "/compare-exec.json")
        let newest = try writeExec(in: folder, exitCode: 1, cli: "/x", base: "a", head: "b")
        XCTAssertEqual(outcome(folder)?.file, newest)
        XCTAssertEqual(outcome(folder)?.diff, true)
    }

    func testNoExecJSON() throws {
        let result = try XCTUnwrap(outcome(try layout()))
        XCTAssertEqual(result.status, .missing)
        XCTAssertEqual(result.reason, "no_exec_json")
        XCTAssertEqual(result.markdown, "### Compare Outcome\n\nno compare-exec.json\n- reason: no_exec_json\n\n")
        XCTAssertNil(outcome(try layout(), nil), "nothing expected, nothing found: no block")
    }

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

    func testMalformedAndSchemaViolatingFilesAreErrorsNotCrashes() throws {
        let folder = try layout()
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/drift/compare-exec.json"))
        XCTAssertEqual(outcome(folder)?.status, .error)
        XCTAssertEqual(outcome(folder)?.error, "not valid JSON")

        try Data(#"{"schema":"compare-exec/v1","exitCode":"1"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/drift/compare-exec.json"))
        let result = try XCTUnwrap(outcome(folder))
        XCTAssertEqual(result.status, .error)
        XCTAssertTrue(result.error?.hasPrefix("compare-exec/v1 violations: /: missing required property 'generatedAt'") ?? false, result.error ?? "")
        XCTAssertTrue(result.error?.contains("/exitCode: expected integer, got string") ?? false)
    }

    func testJSONValidatesAgainstItsSchemaInEveryShape() throws {
        let schema = try EmbeddedSchemas.load("compare-outcome")
        let folder = try layout()
        _ = try writeExec(in: folder, exitCode: 2, cli: "/nowhere/LVCompare.exe", base: "a.vi", head: "b.vi")
        for result in [CompareOutcome.missing(.expected), CompareOutcome.missing(.invokerNotReady), try XCTUnwrap(outcome(folder))] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.json(at: Date()).text.utf8)))
            XCTAssertEqual(try SchemaLite.validate(object, against: schema), [], result.json(at: Date()).text)
        }
    }
}
