#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// Escalation across real runs, and its state file under 50 concurrent writers.
final class EscalationIntegrationTests: XCTestCase {
    func testTwoTimeoutsEscalateTheNextRunAndOneReadyResets() throws {
        let scratch = try Scratch()
        let escalation: [String: Any] = ["after": 2, "attemptsStep": 1, "delayFactor": 2, "timeoutFactor": 1.5]
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "ready.json"], attempts: 1, delay: 0, timeout: 1,
                                            extra: ["escalation": escalation, "stateDir": "state"]))
        let arguments = ["run", "--config", "config.json", "--branch", "feature/x", "--summary", "summary.md"]
        for _ in 0..<2 { XCTAssertEqual(try SupervisorProcess.run(arguments, in: scratch).code, 0) }
        XCTAssertFalse(scratch.bootLog.contains("escalated:"), "two timeouts are needed first")

        XCTAssertEqual(try SupervisorProcess.run(arguments, in: scratch).code, 0)
        let line = "escalated: level 1 after 2 consecutive READY timeouts on feature/x → attempts=2, delay=0, to=1.5"
        XCTAssertTrue(scratch.bootLines.contains(line), scratch.bootLog)
        XCTAssertTrue(scratch.read("summary.md").contains("- `\(line)`\n"))
        XCTAssertTrue(scratch.read("summary.md").contains("invoker not READY — timeout (attempts=2, delay=0, to=1.5)"))

        let (_, show) = try SupervisorProcess.run(["escalation", "show", "--config", "config.json", "--branch", "feature/x"], in: scratch)
        XCTAssertTrue(show.stdout.hasPrefix("local feature/x: 3 consecutive READY timeouts, 3 runs ("), show.stdout)
        XCTAssertTrue(show.stdout.contains("\nnext boot: level 2 → attempts=3, delay=0, to=2.25\n"), show.stdout)

        var ready = Fake.config(["--ready-line", "READY"], ready: ["line": "READY"], attempts: 1, delay: 0, timeout: 1,
                                extra: ["escalation": escalation, "stateDir": "state"])
        ready["timeoutSeconds"] = 30
        try scratch.writeConfig(ready)
        XCTAssertEqual(try SupervisorProcess.run(arguments, in: scratch).code, 0)
        let (_, after) = try SupervisorProcess.run(["escalation", "show", "--config", "config.json", "--branch", "feature/x"], in: scratch)
        XCTAssertTrue(after.stdout.hasPrefix("local feature/x: 0 consecutive READY timeouts, 4 runs"), after.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("state/escalation/local/feature_x.json")))
    }

    func testEscalationTroubleIsAWarningAndTheBootGoesOn() throws {
        let scratch = try Scratch()
        let escalation: [String: Any] = ["after": 2, "attemptsStep": 1, "delayFactor": 2, "timeoutFactor": 1.5]
        try "a file where a folder should be".write(toFile: scratch.file("blocked"), atomically: true, encoding: .utf8)
        try scratch.writeConfig(Fake.config(["--ready-line", "READY"], ready: ["line": "^READY$"],
                                            extra: ["escalation": escalation, "stateDir": "blocked/state"]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("escalation unavailable: ") && $0.hasSuffix("; base settings used") }, scratch.bootLog)
        XCTAssertTrue(scratch.read("summary.md").contains("- `escalation unavailable: "), scratch.read("summary.md"))
        XCTAssertTrue(run.stderr.hasPrefix("warning: escalation history "), run.stderr)

        try scratch.writeConfig(Fake.config(["--ready-line", "READY"], ready: ["line": "^READY$"],
                                            extra: ["escalation": escalation, "stateDir": "state"]))
        let long = "feature/" + String(repeating: "very-long-branch-name-", count: 15)
        let (longCode, longRun) = try SupervisorProcess.run(["run", "--config", "config.json", "--branch", long], in: scratch)
        XCTAssertEqual(longCode, 0, longRun.stderr)
        XCTAssertEqual(scratch.bootLines.filter { $0.hasPrefix("escalation unavailable") }.count, 1, "only the first run's: \(scratch.bootLog)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.file("state/escalation/local"))
        XCTAssertTrue(names.contains { $0.hasSuffix(".json") && $0.utf8.count < 100 }, "\(names)")
    }

    func testFiftyConcurrentWritersLoseNothingAndTheFileAlwaysParses() throws {
        let scratch = try Scratch()
        let path = scratch.file("state/escalation/local/main.json")
        let writers = try (0..<50).map { _ in
            try SupervisorProcess(["escalation", "record", "--result", "timeout", "--branch", "main", "--state-dir", "state"], in: scratch)
        }
        var reads = 0
        var torn = 0
        while writers.contains(where: { isAlive($0.pid) }) {
            if let data = FileManager.default.contents(atPath: path) {
                reads += 1
                if (try? JSONSerialization.jsonObject(with: data)) == nil { torn += 1 }
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
        XCTAssertEqual(writers.map { $0.wait() }, Array(repeating: 0, count: 50))
        XCTAssertEqual(torn, 0, "read \(reads) times while writing")
        let history = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        XCTAssertEqual(history["consecutiveTimeouts"] as? Int, 50)
        XCTAssertEqual(history["totalRuns"] as? Int, 50)
        XCTAssertEqual((history["recent"] as? [Any])?.count, 20)
        XCTAssertEqual(try SupervisorProcess.run(["validate", path, "--schema", "escalation"], in: scratch).code, 0)
    }
}
#endif
