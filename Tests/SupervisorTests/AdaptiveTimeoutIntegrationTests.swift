#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// The adaptive READY timeout across real runs: boot times recorded, the timeout learned and said
/// in boot.log and the summary, `history`, and `--timeout` beating it.
final class AdaptiveTimeoutIntegrationTests: XCTestCase {
    func testTheTimeoutIsLearnedFromEarlierBootsAndSaid() throws {
        let scratch = try Scratch()
        var config = Fake.config(["--boot-delay", "0.2", "--ready-line", "READY"], ready: ["line": "^READY$"], attempts: 1, delay: 0,
                                 extra: ["stateDir": "state", "adaptiveTimeout": ["minBoots": 3, "floorSeconds": 0.5, "margin": 2]])
        config["timeoutSeconds"] = "auto"
        try scratch.writeConfig(config)
        let arguments = ["run", "--config", "config.json", "--branch", "feature/x", "--summary", "summary.md"]
        for run in 1...3 {
            XCTAssertEqual(try SupervisorProcess.run(arguments, in: scratch).code, 0)
            let expected = "adaptive timeout: to=60 (auto: \(run - 1) of 3 boots known; configured value)"
            XCTAssertEqual(scratch.bootLines.filter { $0.hasPrefix("adaptive timeout") }.last, expected, scratch.bootLog)
        }

        XCTAssertEqual(try SupervisorProcess.run(arguments, in: scratch).code, 0)
        let note = try XCTUnwrap(scratch.bootLines.last { $0.hasPrefix("adaptive timeout") })
        let pattern = #"^adaptive timeout: to=(\d+(\.\d+)?) \(auto: p99 (0\.\d+|1(\.\d+)?) s × 2 over 3 boots(, raised to the floor)?\)$"#
        let match = try XCTUnwrap(note.range(of: pattern, options: .regularExpression), note)
        let timeout = note[match].dropFirst("adaptive timeout: to=".count).prefix { $0 != " " }
        XCTAssertGreaterThanOrEqual(Double(timeout) ?? 0, 0.5, note)
        XCTAssertTrue(scratch.bootLines.last { $0.hasPrefix("supervisor start ") }?.contains(" to=\(timeout) ") ?? false,
                      "the start line shows the timeout used: \(scratch.bootLog)")
        XCTAssertTrue(scratch.read("summary.md").contains("- `\(note)`\n"), scratch.read("summary.md"))

        let (code, history) = try SupervisorProcess.run(["history", "--config", "config.json", "--branch", "feature/x"], in: scratch)
        XCTAssertEqual(code, 0, history.stderr)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("local feature/x on "), history.stdout)
        XCTAssertTrue(lines[0].contains(": 4 runs (100 % READY), 4 READY times kept ("), history.stdout)
        XCTAssertTrue(lines[1].hasPrefix("READY time: p50 "), history.stdout)
        XCTAssertEqual(lines[2], "outcomes: ready=4")
        XCTAssertTrue(lines[3].hasPrefix("next boot: to="), history.stdout)
        let files = try FileManager.default.subpathsOfDirectory(atPath: scratch.file("state/boot-times"))
        let file = try XCTUnwrap(files.first { $0.hasPrefix("local/feature_x/") && $0.hasSuffix(".json") }, "\(files)")
        let (valid, validation) = try SupervisorProcess.run(["validate", "state/boot-times/" + file, "--schema", "boot-times"], in: scratch)
        XCTAssertEqual(valid, 0, validation.stdout + validation.stderr)

        XCTAssertEqual(try SupervisorProcess.run(arguments + ["--timeout", "5"], in: scratch).code, 0)
        XCTAssertEqual(scratch.bootLines.last { $0.hasPrefix("adaptive timeout") },
                       "adaptive timeout: to=5 (--timeout given; learned boot times not used)")
    }

    func testAnUnusableStateFolderIsAWarningAndTheConfiguredTimeoutIsUsed() throws {
        let scratch = try Scratch()
        try "a file where a folder should be".write(toFile: scratch.file("blocked"), atomically: true, encoding: .utf8)
        var config = Fake.config(["--ready-line", "READY"], ready: ["line": "^READY$"], extra: ["stateDir": "blocked/state"])
        config["timeoutSeconds"] = "auto"
        try scratch.writeConfig(config)
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("warning: boot times "), run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("adaptive timeout unavailable: ") && $0.hasSuffix("; to=60 configured value used") },
                      scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") }, scratch.bootLog)
    }
}
#endif
