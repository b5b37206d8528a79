#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// Every file the product writes validates against its own schema, checked with the real
/// `validate` subcommand (and its exit codes) on files from real runs.
final class ArtifactSchemaTests: XCTestCase {
    private func validate(_ file: String, _ schema: String, in scratch: Scratch) throws -> (Int32, SupervisorProcess) {
        try SupervisorProcess.run(["validate", file, "--schema", schema], in: scratch)
    }

    func testFilesFromASessionValidate() throws {
        let scratch = try Scratch()
        let steps: [[String: Any]] = [["name": "compare", "command": ["/bin/true"]]]
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--grandchildren", "pwsh"], ready: ["line": "READY"], extra: ["steps": steps]))
        let environment = ["GITHUB_EVENT_PATH": ProvenanceTests.fixtures.appendingPathComponent("events/pull_request.json").path,
                           "GITHUB_EVENT_NAME": "pull_request", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7"]
        XCTAssertEqual(try SupervisorProcess.run(["provenance", "--config", "config.json"], in: scratch, environment: environment).code, 0)
        XCTAssertEqual(try SupervisorProcess.run(["start", "--config", "config.json"], in: scratch).code, 0)
        XCTAssertEqual(try SupervisorProcess.run(["step", "--config", "config.json", "--name", "compare", "--", "/bin/true"], in: scratch).code, 0)
        XCTAssertEqual(try SupervisorProcess.run(["outcome", "--config", "config.json"], in: scratch).code, 0)
        XCTAssertEqual(try SupervisorProcess.run(["stop", "--config", "config.json", "--summary", "summary.md"], in: scratch, environment: environment).code, 0)
        XCTAssertEqual(try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch).code, 0)

        for (file, schema) in [("results/provenance.json", "run-provenance"), ("results/compare-outcome.json", "compare-outcome"),
                               ("results/_invoker/snapshots.ndjson", "process-snapshot"), ("results/_invoker/session.json", "session")] {
            let (code, run) = try validate(file, schema, in: scratch)
            XCTAssertEqual(code, 0, "\(file): \(run.stdout)\(run.stderr)")
            XCTAssertEqual(run.stdout, "Schema-lite validation passed.\n")
        }
        XCTAssertEqual(try String(contentsOfFile: scratch.file("results/provenance.json"), encoding: .utf8).contains(#""prNumber": 42"#), true)
        let outcome = scratch.read("results/compare-outcome.json")
        XCTAssertTrue(outcome.contains(#""reason": "no_exec_json""#), outcome)
        let summary = scratch.read("summary.md")
        XCTAssertTrue(summary.contains("- prNumber: `42`\n"))
        XCTAssertTrue(summary.contains("- This run: https://github.com/o/r/actions/runs/7 (use \"Re-run jobs\" there)"))
    }

    func testOutcomeSaysInvokerNotReadyWhenTheSessionNeverWasReady() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "ready.json"], timeout: 1))
        XCTAssertEqual(try SupervisorProcess.run(["start", "--config", "config.json"], in: scratch).code, 0)
        let (code, run) = try SupervisorProcess.run(["outcome", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(code, 0)
        XCTAssertTrue(run.stdout.hasPrefix("compare outcome: status=missing reason=invoker_not_ready written to "), run.stdout)
        XCTAssertEqual(scratch.read("summary.md"), "### Compare Outcome\n\n- No compare artifacts found under: `\(scratch.file("results"))`\n- reason: invoker_not_ready\n\n")
        XCTAssertEqual(try validate("results/compare-outcome.json", "compare-outcome", in: scratch).0, 0)
    }

    func testValidateExitCodes() throws {
        let scratch = try Scratch()
        try #"{"schema":"compare-outcome/v1","status":"ok"}"#.write(toFile: scratch.file("bad.json"), atomically: true, encoding: .utf8)
        try "{oops".write(toFile: scratch.file("broken.json"), atomically: true, encoding: .utf8)
        let (violations, run) = try validate("bad.json", "compare-outcome", in: scratch)
        XCTAssertEqual(violations, 3)
        XCTAssertTrue(run.stdout.hasPrefix("[schema-lite] error: Missing required field 'generatedAtUtc' (/)\n"), run.stdout)
        XCTAssertEqual(try validate("broken.json", "compare-outcome", in: scratch).0, 2)
        XCTAssertEqual(try validate("absent.json", "compare-outcome", in: scratch).0, 2)
        XCTAssertEqual(try validate("bad.json", "no-such-schema", in: scratch).0, 2, "a schema that cannot be read is the seed's exit 2")
        let schemaFile = scratch.file("custom.schema.json")
        try #"{"type":"object","required":["schema"]}"#.write(toFile: schemaFile, atomically: true, encoding: .utf8)
        XCTAssertEqual(try validate("bad.json", schemaFile, in: scratch).0, 0)
    }
}
#endif
