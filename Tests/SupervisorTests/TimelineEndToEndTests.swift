#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// The run timeline of real runs: in the step summary and from the `timeline` subcommand.
final class TimelineEndToEndTests: XCTestCase {
    func testARetriedRunIsDrawnInTheSummaryAndByTheTimelineCommand() throws {
        let scratch = try Scratch()
        let steps: [[String: Any]] = [["name": "compare", "command": ["/bin/sh", "-c", "exit 0"]],
                                      ["name": "report", "command": ["/bin/sh", "-c", "exit 2"]]]
        // Attempt 1 exits at once; attempt 2 finds the marker file and becomes READY.
        let invoker = ["/bin/sh", "-c", "if [ -f second ]; then exec \"$0\" \"$@\"; fi; touch second; exit 1",
                       Binaries.fakeInvoker, "--ready-line", "READY"]
        var config = Fake.config([], ready: ["line": "^READY$"], attempts: 2, delay: 0, timeout: 30,
                                 extra: ["steps": steps, "warmup": ["command": ["/bin/sh", "-c", "exit 0"]]])
        config["invoker"] = ["command": invoker]
        try scratch.writeConfig(config)
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(code, 1, run.stderr)

        let summary = scratch.read("summary.md")
        let block = try XCTUnwrap(summary.range(of: "### Run Timeline\n").map { String(summary[$0.lowerBound...]) })
        let chart = try XCTUnwrap(block.components(separatedBy: "\n```\n").first)
        let labels = chart.split(separator: "\n").filter { $0.contains(" :") }.map { $0.split(separator: ":").first.map { String($0.dropLast()) } ?? "" }
        XCTAssertEqual(labels.map { $0.trimmingCharacters(in: .whitespaces) },
                       ["attempt 1 exited early", "attempt 2 READY via line", "warmup exit 0",
                        "step compare exit 0", "step report exit 2", "invoker stopped", "finished step_failed"], chart)
        XCTAssertLessThan(summary.range(of: "### Invoker Boot")!.lowerBound, summary.range(of: "### Run Timeline")!.lowerBound)
        XCTAssertLessThan(summary.range(of: "### Run Timeline")!.lowerBound, summary.range(of: "### Re-run With Same Inputs")!.lowerBound)

        let (timelineCode, printed) = try SupervisorProcess.run(["timeline", "--results-dir", "results"], in: scratch)
        XCTAssertEqual(timelineCode, 0, printed.stderr)
        XCTAssertEqual(printed.stdout + "\n", String(block.prefix(printed.stdout.utf8.count + 1)), "the same block as the summary")

        let (emptyCode, empty) = try SupervisorProcess.run(["timeline", "--results-dir", "elsewhere"], in: scratch)
        XCTAssertEqual(emptyCode, 3)
        XCTAssertTrue(empty.stderr.hasPrefix("no run recorded in "), empty.stderr)
    }
}
#endif
