#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// READY never observed: retries, tree stops, skipped steps, the summary line, outputs and exit codes.
final class NotReadyTests: XCTestCase {
    private let markerStep: [[String: Any]] = [["name": "compare", "command": ["/bin/sh", "-c", "touch step-ran.txt"]]]

    func testTimeoutsRetryThenSkipStepsAndSayWhy() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang", "--grandchildren", "pwsh,LVCompare", "--pid-file", "pids.txt"],
                                            ready: ["file": "ready.json"], attempts: 2, delay: 0, timeout: 2,
                                            extra: ["steps": markerStep, "warmup": ["command": ["/bin/true"]]]))
        let outputs = scratch.file("out.txt")
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch,
                                                    environment: ["GITHUB_OUTPUT": outputs])
        XCTAssertEqual(code, 0, "skip is the default policy")
        let lines = scratch.bootLines
        XCTAssertTrue(lines.contains("attempt#1 timed out after 2 s; retrying in 0 s"), scratch.bootLog)
        XCTAssertTrue(lines.contains("attempt#2 timed out after 2 s"), scratch.bootLog)
        XCTAssertTrue(lines.contains("all attempts exhausted; lastError=timeout after 2 s"))
        XCTAssertTrue(lines.contains("warmup skipped reason=invoker_not_ready"))
        XCTAssertTrue(lines.contains("step compare skipped reason=invoker_not_ready"))
        XCTAssertFalse(scratch.bootLog.contains("warmup start"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("step-ran.txt")))

        let summary = scratch.read("summary.md")
        XCTAssertTrue(summary.split(separator: "\n").contains("invoker not READY — timeout (attempts=2, delay=0, to=2)"), summary)
        XCTAssertTrue(summary.contains("Skipped because the invoker never became READY: warmup, compare."))
        XCTAssertTrue(try String(contentsOfFile: outputs, encoding: .utf8).hasPrefix("ready=false\nreason=timeout\nattempts=2\nelapsed_ms="))

        // Each attempt's tree (the invoker and its pwsh/LVCompare grandchildren) was stopped.
        let lastTree = scratch.pids()
        XCTAssertEqual(lastTree.count, 3)
        XCTAssertTrue(allGone(lastTree), "still alive: \(lastTree.filter(isAlive))")
        XCTAssertEqual(lines.filter { $0.contains(" stopped pid=") }.count, 2, scratch.bootLog)
        XCTAssertTrue(run.stdout.contains("all attempts exhausted"))
    }

    func testOnNotReadyFailExitsThree() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["line": "READY"], timeout: 1))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--on-not-ready", "fail"], in: scratch,
                                                    environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(code, 3)
        XCTAssertTrue(run.stdout.split(separator: "\n").contains(
            "::error::invoker not READY — timeout (attempts=1, delay=0, to=1). Invoker not ready after 1 s (attempts=1). LastError=timeout after 1 s"), run.stdout)
        let (_, skipped) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertTrue(skipped.stdout.contains("\n::warning::invoker not READY — timeout"), skipped.stdout)
    }

    func testEarlyExitIsRetriedAndReportedAsExited() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--crash", "7"], ready: ["file": "ready.json"], attempts: 2, delay: 0.5,
                                            extra: ["onNotReady": "fail"]))
        let outputs = scratch.file("out.txt")
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch,
                                                  environment: ["GITHUB_OUTPUT": outputs])
        XCTAssertEqual(code, 3)
        XCTAssertTrue(scratch.bootLines.contains("attempt#1 exited early code=7; retrying in 0.5 s"), scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains("attempt#2 exited early code=7"))
        XCTAssertTrue(scratch.read("summary.md").contains("invoker not READY — exited (attempts=2, delay=0.5, to=60)"))
        XCTAssertTrue(try String(contentsOfFile: outputs, encoding: .utf8).hasPrefix("ready=false\nreason=error\nattempts=2\n"))
    }

    func testCommandThatCannotStartIsAPlatformErrorAndIsRetried() throws {
        let scratch = try Scratch()
        var config = Fake.config([], ready: ["file": "ready.json"], attempts: 2, delay: 0)
        config["invoker"] = ["command": ["no-such-invoker-program", "-x"]]
        try scratch.writeConfig(config)
        let outputs = scratch.file("out.txt")
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch, environment: ["GITHUB_OUTPUT": outputs])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(scratch.bootLines.contains("attempt#1 spawn error: no-such-invoker-program: not found in PATH; retrying in 0 s"), scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains("attempt#2 spawn error: no-such-invoker-program: not found in PATH"))
        XCTAssertTrue(try String(contentsOfFile: outputs, encoding: .utf8).hasPrefix("ready=false\nreason=error\nattempts=2\n"))
    }

    func testStaleReadyFileFromAnEarlierRunNeverCounts() throws {
        let scratch = try Scratch()
        try #"{"schema":"invoker-ready/v1","pid":1}"#.write(toFile: scratch.file("ready.json"), atomically: true, encoding: .utf8)
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "ready.json"], timeout: 1))
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0)
        XCTAssertTrue(scratch.bootLines.contains("attempt#1 removed stale ready file \(scratch.file("ready.json"))"), scratch.bootLog)
        XCTAssertFalse(scratch.bootLog.contains("ready observed"))
    }

    func testInvokerIgnoringSIGTERMIsKilledWithItsGrandchildren() throws {
        let scratch = try Scratch()
        var config = Fake.config(["--hang", "--ignore-term", "--grandchildren", "LabVIEW", "--pid-file", "pids.txt"],
                                 ready: ["file": "ready.json"], timeout: 5)
        config["stopGraceSeconds"] = 0.5
        try scratch.writeConfig(config)
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 stopped pid=") && $0.contains("killed=yes") }, scratch.bootLog)
        XCTAssertTrue(allGone(scratch.pids()))
    }
}
#endif
