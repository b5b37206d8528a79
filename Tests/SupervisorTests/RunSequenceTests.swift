#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// `run` end to end with the fake invoker: real processes, real files, real exit codes.
final class RunSequenceTests: XCTestCase {
    func testReadyViaFileRunsWarmupThenStepsInOrderAndStopsTheWholeTree() throws {
        let scratch = try Scratch()
        let steps: [[String: Any]] = [
            ["name": "compare", "command": ["/bin/sh", "-c", "date +%s%N > step-compare.txt"]],
            ["name": "report", "command": ["/bin/sh", "-c", "echo report > step-report.txt"]],
        ]
        let warmup: [String: Any] = [
            "command": Fake.command(["--grandchildren", "LabVIEW", "--pid-file", "warmup-pids.txt", "--hang"]),
            "waitForProcess": "labview.exe", "timeoutSeconds": 30,
        ]
        try scratch.writeConfig(Fake.config(
            ["--boot-delay", "0.3", "--ready-file", "results/_invoker/ready.json",
             "--grandchildren", "pwsh,LVCompare", "--pid-file", "pids.txt"],
            ready: ["file": "results/_invoker/ready.json"], attempts: 2,
            extra: ["warmup": warmup, "steps": steps]))
        let outputs = scratch.file("github-output.txt")
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch,
                                                    environment: ["GITHUB_OUTPUT": outputs, "GITHUB_ACTIONS": "true"])
        defer { killAll(scratch.pids("warmup-pids.txt")) }

        XCTAssertEqual(code, 0, run.stderr)
        let lines = scratch.bootLines
        let order = ["attempt#1 spawn pid=", "attempt#1 ready observed", "warmup start pid=", "warmup saw LabVIEW",
                     "step compare start", "step compare end exit=0", "step report start", "step report end exit=0",
                     "invoker stopped", "finished outcome=succeeded exit=0"]
        var position = -1
        for phrase in order {
            guard let found = lines.firstIndex(where: { $0.hasPrefix(phrase) }) else { return XCTFail("no '\(phrase)' in\n\(scratch.bootLog)") }
            XCTAssertGreaterThan(found, position, "'\(phrase)' out of order in\n\(scratch.bootLog)")
            position = found
        }
        XCTAssertTrue(lines.contains { $0.range(of: #"^attempt#1 ready observed elapsed=\d+(\.\d+)? via=file$"#, options: .regularExpression) != nil })

        // Timestamps agree with the order: READY observed before the warmup started.
        let stamps = try bootStamps(scratch.bootLog)
        let ready = try XCTUnwrap(stamps.first { $0.text.hasPrefix("attempt#1 ready observed") }?.date)
        let warmupStart = try XCTUnwrap(stamps.first { $0.text.hasPrefix("warmup start") }?.date)
        XCTAssertLessThanOrEqual(ready, warmupStart)

        // The invoker and its grandchildren are gone; the warmup (outside the invoker's group) is left running.
        let invokerTree = scratch.pids()
        XCTAssertEqual(invokerTree.count, 3)
        XCTAssertTrue(allGone(invokerTree), "still alive: \(invokerTree.filter(isAlive))")
        XCTAssertTrue(scratch.pids("warmup-pids.txt").allSatisfy(isAlive), "the warmup must survive the supervisor")

        XCTAssertEqual(scratch.read("step-report.txt"), "report\n")
        XCTAssertTrue(try String(contentsOfFile: outputs, encoding: .utf8)
            .range(of: #"^ready=true\nreason=ready\nattempts=1\nelapsed_ms=\d+\nreason_code=ready\n$"#, options: .regularExpression) != nil)
        XCTAssertTrue(scratch.read("summary.md").contains("- READY: attempt 1 of 2"))
        XCTAssertTrue(run.stdout.contains("::group::Invoker boot"))
        XCTAssertTrue(run.stdout.contains("::endgroup::"))
        XCTAssertTrue(run.stdout.contains("attempt#1 ready observed"), "boot.log lines are mirrored to stdout")
    }

    func testReadyViaStdoutLineKeepsTheInvokerOutputInInvokerLog() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--noise", "3", "--boot-delay", "0.2", "--ready-line", "invoker READY pipe=x"],
                                            ready: ["line": "^invoker READY\\b"]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") && $0.hasSuffix("via=line") })
        let invokerLog = scratch.read("results/_invoker/invoker.log")
        XCTAssertTrue(invokerLog.contains("fake-invoker: chatter 2"))
        XCTAssertTrue(invokerLog.contains("fake-invoker: warning 2"), "stderr is kept too")
        XCTAssertTrue(invokerLog.contains("invoker READY pipe=x"))
        XCTAssertTrue(run.stderr.contains("the run summary is not written"))
    }

    func testReadyViaTCPPort() throws {
        let scratch = try Scratch()
        let port = 20000 + Int.random(in: 0..<20000)
        try scratch.writeConfig(Fake.config(["--boot-delay", "0.2", "--ready-port", String(port)],
                                            ready: ["tcp": "127.0.0.1:\(port)"]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") && $0.hasSuffix("via=tcp") }, scratch.bootLog)
    }

    func testFailingStepExitsOneAndSkipsTheRest() throws {
        let scratch = try Scratch()
        let steps: [[String: Any]] = [
            ["name": "compare", "command": ["/bin/sh", "-c", "exit 4"]],
            ["name": "report", "command": ["/bin/sh", "-c", "echo ran > report.txt"]],
        ]
        try scratch.writeConfig(Fake.config(["--ready-line", "READY"], ready: ["line": "READY"], extra: ["steps": steps]))
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(code, 1)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("step compare end exit=4 duration=") })
        XCTAssertTrue(scratch.bootLines.contains("step report skipped reason=previous_step_failed"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("report.txt")))
        XCTAssertTrue(scratch.read("summary.md").contains("- Step `compare`: exit 4"))
    }

    func testHandshakeMustPassBeforeReadyCounts() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY"], ready: ["line": "READY"],
                                            extra: ["handshake": ["command": ["/bin/sh", "-c", "test -f ok.flag"], "timeoutSeconds": 20]]))
        let (failing, _) = try SupervisorProcess.run(["run", "--config", "config.json", "--attempts", "2", "--delay", "0"], in: scratch)
        XCTAssertEqual(failing, 0)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 handshake failed: code=1") && $0.hasSuffix("; retrying in 0 s") }, scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("all attempts exhausted; lastError=handshake failed: code=1") })
        XCTAssertFalse(scratch.bootLog.contains("ready observed"))

        FileManager.default.createFile(atPath: scratch.file("ok.flag"), contents: nil)
        let (passing, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(passing, 0)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") && $0.hasSuffix("via=line handshake=ok") }, scratch.bootLog)
    }

    func testFileQueuePingWaitsUntilTheInvokerLoopReallyAnswers() throws {
        let scratch = try Scratch()
        // READY is written at once, but the request loop only answers 1 s later (the seed's bug #87).
        try scratch.writeConfig(Fake.config(["--ready-file", "results/_invoker/ready.json", "--serve-queue", "results/_invoker", "--serve-after", "1",
                                             "--serving-stamp", "serving.txt"],
                                            ready: ["file": "results/_invoker/ready.json"],
                                            extra: ["handshake": ["fileQueuePing": "results/_invoker", "timeoutSeconds": 30]]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0, run.stderr)
        let stamps = try bootStamps(scratch.bootLog)
        XCTAssertNotNil(stamps.first { $0.text.hasPrefix("attempt#1 ready signal via=file") })
        let ready = try XCTUnwrap(stamps.first { $0.text.hasPrefix("attempt#1 ready observed") })
        XCTAssertTrue(ready.text.hasSuffix("via=file handshake=ok"))
        let serving = try XCTUnwrap(Double(scratch.read("serving.txt").trimmingCharacters(in: .whitespacesAndNewlines))) / 1e6
        XCTAssertGreaterThanOrEqual(ready.date.timeIntervalSince1970 + 0.001, serving, "READY counts only once the loop answers")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.file("results/_invoker/responses")), [],
                       "the answer is consumed")
    }

    func testFileQueuePingErrorFailsTheAttempt() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-file", "ready.json", "--serve-queue", "q", "--queue-error"],
                                            ready: ["file": "ready.json"], extra: ["handshake": ["fileQueuePing": "q", "timeoutSeconds": 30]]))
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json", "--on-not-ready", "fail"], in: scratch)
        XCTAssertEqual(code, 3)
        XCTAssertTrue(scratch.bootLines.contains("attempt#1 handshake failed: the invoker answered Ping with an error: fake failure"), scratch.bootLog)
    }

    func testKeepInvokerLeavesItRunningAndReadsItsReadyLineFromInvokerLog() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--noise", "2", "--boot-delay", "0.2", "--ready-line", "READY", "--pid-file", "pids.txt"],
                                            ready: ["line": "^READY$"], extra: ["keepInvoker": true]))
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        let pids = scratch.pids()
        defer { killAll(pids) }
        XCTAssertEqual(code, 0)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") && $0.hasSuffix("via=line") }, scratch.bootLog)
        XCTAssertTrue(pids.allSatisfy(isAlive))
        XCTAssertTrue(scratch.bootLines.contains("invoker kept running pid=\(pids[0])"), scratch.bootLog)
        XCTAssertTrue(scratch.read("results/_invoker/invoker.log").contains("fake-invoker: warning 1"))
    }

    func testAReadyLineLeftInInvokerLogByAnEarlierRunNeverCounts() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("results/_invoker"), withIntermediateDirectories: true)
        try "READY\n".write(toFile: scratch.file("results/_invoker/invoker.log"), atomically: true, encoding: .utf8)
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["line": "^READY$"], timeout: 1, extra: ["keepInvoker": true]))
        let (code, _) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 0)
        XCTAssertFalse(scratch.bootLog.contains("ready observed"), scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains("attempt#1 timed out after 1 s"))
    }

    func testHelpAndVersion() throws {
        let scratch = try Scratch()
        let (helpCode, help) = try SupervisorProcess.run(["--help"], in: scratch)
        XCTAssertEqual(helpCode, 0)
        XCTAssertTrue(help.stdout.contains("EXIT CODES:"))
        XCTAssertTrue(help.stdout.contains("143  cancelled by SIGTERM"))
        let (versionCode, version) = try SupervisorProcess.run(["--version"], in: scratch)
        XCTAssertEqual(versionCode, 0)
        XCTAssertTrue(version.stdout.hasPrefix("invoker-supervisor "))
    }
}

/// Boot.log lines with their parsed timestamps.
func bootStamps(_ log: String) throws -> [(date: Date, text: String)] {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return try log.split(separator: "\n").map { line in
        let close = try XCTUnwrap(line.firstIndex(of: "]"))
        let date = try XCTUnwrap(formatter.date(from: String(line[line.index(after: line.startIndex)..<close])), String(line))
        return (date, String(line[line.index(close, offsetBy: 2)...]))
    }
}

func killAll(_ pids: [Int32]) {
    for pid in pids { kill(pid, SIGKILL) }
}
#endif
