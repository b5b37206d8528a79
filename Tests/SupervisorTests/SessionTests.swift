#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// The session subcommands as separate processes in sequence, as workflow steps run them.
final class SessionTests: XCTestCase {
    private func sessionConfig(_ scratch: Scratch, knobs: [String] = ["--boot-delay", "0.2", "--ready-line", "READY",
                                                                      "--grandchildren", "pwsh,LVCompare", "--pid-file", "pids.txt"],
                               timeout: Double = 60) throws {
        try scratch.writeConfig(Fake.config(knobs, ready: ["line": "^READY$"], timeout: timeout,
                                            extra: ["warmup": ["command": ["/bin/sh", "-c", "exit 0"]]]))
    }

    private func run(_ arguments: [String], _ scratch: Scratch, environment: [String: String] = [:]) throws -> (code: Int32, run: SupervisorProcess) {
        try SupervisorProcess.run(arguments, in: scratch, environment: environment)
    }

    private func session(_ scratch: Scratch) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scratch.read("results/_invoker/session.json").utf8)) as? [String: Any])
    }

    func testStartStepStepStopAcrossSeparateProcesses() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        let outputs = scratch.file("outputs.txt")
        let (started, start) = try run(["start", "--config", "config.json", "--summary", "summary.md"], scratch,
                                       environment: ["GITHUB_OUTPUT": outputs])
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertEqual(started, 0, start.stderr)
        XCTAssertEqual(tree.count, 3)
        XCTAssertTrue(tree.allSatisfy(isAlive), "the invoker tree outlives start")
        XCTAssertTrue(try String(contentsOfFile: outputs, encoding: .utf8).hasPrefix("ready=true\nreason=ready\nattempts=1\nelapsed_ms="))
        XCTAssertEqual(try session(scratch)["state"] as? String, "ready")
        XCTAssertEqual(try session(scratch)["warm"] as? Bool, true)
        XCTAssertEqual(scratch.read("summary.md"), "", "a READY start leaves the story to stop")

        let (first, step1) = try run(["step", "--config", "config.json", "--name", "compare", "--", "/bin/sh", "-c", "echo compared; exit 3"], scratch)
        XCTAssertEqual(first, 3, "the step's exit code is passed through")
        XCTAssertTrue(step1.stdout.contains("compared"))
        let (second, _) = try run(["step", "--config", "config.json", "--name", "report", "--", "/bin/true"], scratch)
        XCTAssertEqual(second, 0)

        let (stopped, stop) = try run(["stop", "--config", "config.json", "--summary", "summary.md"], scratch)
        XCTAssertEqual(stopped, 0, stop.stderr)
        XCTAssertTrue(allGone(tree), "still alive: \(tree.filter(isAlive))")
        let summary = scratch.read("summary.md")
        XCTAssertEqual(summary.split(separator: "\n").filter { $0.hasPrefix("### ") }.first, "### Run Provenance")
        XCTAssertEqual(summary.split(separator: "\n").filter { $0.hasPrefix("### ") }.last, "### Re-run With Same Inputs")
        XCTAssertTrue(summary.contains("- Step `compare`: exit 3 in "))
        XCTAssertTrue(summary.contains("### Post-Stop Process Snapshot"))
        XCTAssertTrue(summary.contains("### Compare Outcome\n\n- No compare artifacts found under: "), summary)
        XCTAssertTrue(summary.contains("\n- reason: no_exec_json\n"), summary)
        let final = try session(scratch)
        XCTAssertEqual(final["state"] as? String, "stopped")
        XCTAssertEqual((final["steps"] as? [[String: Any]])?.compactMap { $0["exitCode"] as? Int }, [3, 0])
        XCTAssertEqual(final["snapshots"] as? [String], ["pre-invoker", "post-invoker", "post-warmup", "pre-step:compare",
                                                          "post-step:compare", "pre-step:report", "post-step:report", "post-stop"])
        let lines = scratch.bootLines
        XCTAssertTrue(lines.contains { $0.hasPrefix("invoker stopped pid=\(tree[0]) processes=3") }, scratch.bootLog)

        let (again, second_stop) = try run(["stop", "--config", "config.json"], scratch)
        XCTAssertEqual(again, 0)
        XCTAssertTrue(second_stop.stdout.hasPrefix("session already stopped"))
    }

    func testOutOfOrderCallsAreRefused() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch, knobs: ["--hang"], timeout: 1)
        let (warmupFirst, warmup) = try run(["warmup", "--config", "config.json"], scratch)
        XCTAssertEqual(warmupFirst, 65)
        XCTAssertEqual(warmup.stderr, "Error: 'warmup' is refused: the session is absent (no session.json); run 'invoker-supervisor start' first.\n")
        let (stepFirst, _) = try run(["step", "--config", "config.json", "--name", "compare", "--", "/bin/true"], scratch)
        XCTAssertEqual(stepFirst, 65)
        let (noSession, stop) = try run(["stop", "--config", "config.json"], scratch)
        XCTAssertEqual(noSession, 0)
        XCTAssertTrue(stop.stdout.hasPrefix("no session in"))

        let (failedStart, _) = try run(["start", "--config", "config.json"], scratch)
        XCTAssertEqual(failedStart, 0, "not READY under skip")
        XCTAssertEqual(try session(scratch)["state"] as? String, "notReady")
        let (warmupAfterFailure, refused) = try run(["warmup", "--config", "config.json"], scratch)
        XCTAssertEqual(warmupAfterFailure, 65)
        XCTAssertTrue(refused.stderr.hasPrefix("Error: 'warmup' is refused: the session is notReady"), refused.stderr)
        let (skipped, skip) = try run(["step", "--config", "config.json", "--name", "compare", "--", "/bin/sh", "-c", "touch ran"], scratch)
        XCTAssertEqual(skipped, 0)
        XCTAssertTrue(skip.stdout.hasSuffix("] step compare skipped reason=invoker_not_ready\nskipped: invoker_not_ready\n"), skip.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("ran")))
        let (required, _) = try run(["step", "--require-ready", "--config", "config.json", "--name", "compare", "--", "/bin/true"], scratch)
        XCTAssertEqual(required, 3)

        let (stopped, _) = try run(["stop", "--config", "config.json"], scratch)
        XCTAssertEqual(stopped, 0)
        let (afterStop, late) = try run(["step", "--config", "config.json", "--name", "late", "--", "/bin/true"], scratch)
        XCTAssertEqual(afterStop, 65)
        XCTAssertTrue(late.stderr.hasPrefix("Error: 'step' is refused: the session is stopped"))
    }

    func testSecondStartIsRefusedWhileTheInvokerRuns() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        let (started, _) = try run(["start", "--config", "config.json"], scratch)
        defer { _ = try? run(["stop", "--config", "config.json"], scratch) }
        XCTAssertEqual(started, 0)
        let (again, refused) = try run(["start", "--config", "config.json"], scratch)
        XCTAssertEqual(again, 65)
        XCTAssertTrue(refused.stderr.hasPrefix("Error: 'start' is refused: the session is ready"), refused.stderr)
    }

    func testParallelStepsLeaveAValidSession() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        let (started, _) = try run(["start", "--config", "config.json"], scratch)
        defer { _ = try? run(["stop", "--config", "config.json"], scratch) }
        XCTAssertEqual(started, 0)
        let steps = try (1...4).map { index in
            try SupervisorProcess(["step", "--config", "config.json", "--name", "part\(index)", "--", "/bin/sh", "-c", "sleep 0.5; exit \(index)"],
                                  in: scratch)
        }
        XCTAssertEqual(steps.map { $0.wait() }, [1, 2, 3, 4])
        let (_, status) = try run(["status", "--json", "--config", "config.json"], scratch)
        let open = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set((open["steps"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "") exit \($0["exitCode"] ?? "")" }),
                       ["part1 exit 1", "part2 exit 2", "part3 exit 3", "part4 exit 4"], status.stdout)
        XCTAssertEqual(try run(["stop", "--config", "config.json"], scratch).0, 0)
        let recorded = try XCTUnwrap(try session(scratch)["steps"] as? [[String: Any]])
        XCTAssertEqual(Set(recorded.compactMap { $0["name"] as? String }), ["part1", "part2", "part3", "part4"], "folded in by stop")
        XCTAssertEqual(recorded.compactMap { $0["durationMs"] as? Int }.count, 4, "each step's finished record won")
        XCTAssertEqual((try session(scratch)["snapshots"] as? [String])?.filter { $0.hasPrefix("post-step:") }.count, 4)
    }

    func testStatusTellsTheTruthAfterTheInvokerIsKilledFromOutside() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        let (started, _) = try run(["start", "--config", "config.json"], scratch)
        XCTAssertEqual(started, 0)
        let (statusCode, status) = try run(["status", "--config", "config.json"], scratch)
        XCTAssertEqual(statusCode, 0)
        XCTAssertTrue(status.stdout.hasPrefix("session: ready (warm)\ninvoker: pid \(scratch.pids()[0]) started "), status.stdout)
        XCTAssertTrue(status.stdout.contains(", alive\n"))

        killAll(scratch.pids())
        XCTAssertTrue(allGone(scratch.pids()))
        let (_, dead) = try run(["status", "--config", "config.json", "--json"], scratch)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dead.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["state"] as? String, "invokerExited")
        XCTAssertEqual(json["reason"] as? String, "invoker_exited")
        XCTAssertEqual(json["invokerAlive"] as? Bool, false)
        let (skipped, step) = try run(["step", "--config", "config.json", "--name", "compare", "--", "/bin/true"], scratch)
        XCTAssertEqual(skipped, 0)
        XCTAssertTrue(step.stdout.hasSuffix("skipped: invoker_exited\n"))
        let (stopped, stop) = try run(["stop", "--config", "config.json"], scratch)
        XCTAssertEqual(stopped, 0)
        XCTAssertTrue(scratch.bootLines.contains("invoker already gone pid=\(scratch.pids()[0])"), stop.stdout)
    }

    func testStopUsesTheGracefulHookFirst() throws {
        let scratch = try Scratch()
        // The fake invoker ignores SIGTERM; deleting its "sentinel" is what ends it here (a shell loop stands in for the seed's).
        var config = Fake.config([], ready: ["file": "ready.flag"])
        config["invoker"] = ["command": ["/bin/sh", "-c", "trap '' TERM; touch sentinel ready.flag; while [ -f sentinel ]; do sleep 0.05; done; echo ended > ended.txt"]]
        config["stop"] = ["deleteFile": "sentinel"]
        try scratch.writeConfig(config)
        let (started, _) = try run(["start", "--config", "config.json"], scratch)
        XCTAssertEqual(started, 0)
        let (stopped, _) = try run(["stop", "--config", "config.json", "--summary", "summary.md"], scratch)
        XCTAssertEqual(stopped, 0)
        XCTAssertTrue(scratch.read("summary.md").hasPrefix("### Run Provenance\n"))
        XCTAssertEqual(scratch.read("ended.txt"), "ended\n", "the invoker ended its own loop")
        XCTAssertTrue(scratch.bootLines.contains("stop hook deleted \(scratch.file("sentinel"))"), scratch.bootLog)
        let pid = try XCTUnwrap((try session(scratch)["invoker"] as? [String: Any])?["pid"] as? Int)
        XCTAssertTrue(scratch.bootLines.contains("invoker stopped pid=\(pid) processes=0 signal=SIGTERM killed=no"), "nothing left to signal: \(scratch.bootLog)")
    }

    func testAnUnusableSessionFileIsTheSameError64ForEverySubcommand() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("results/_invoker/session.json"), withIntermediateDirectories: true)
        for command in [["step", "--name", "x", "--config", "config.json", "--", "/bin/true"], ["stop", "--config", "config.json"],
                        ["status", "--config", "config.json"], ["warmup", "--config", "config.json"]] {
            let (code, run) = try run(command, scratch)
            XCTAssertEqual(code, 64, "\(command[0]): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("cannot be used (it is a directory); move it aside"), run.stderr)
            XCTAssertFalse(run.stderr.contains("run 'invoker-supervisor \(command[0])"), run.stderr)
        }
    }

    func testASessionFileThatLiesIsRefusedNotActedOn() throws {
        let scratch = try Scratch()
        try sessionConfig(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("results/_invoker"), withIntermediateDirectories: true)
        let lying = #"{"schema":"invoker-session/v1","state":"ready","warm":false,"openedAt":"2026-11-26T10:00:00.000Z","updatedAt":"2026-11-26T10:00:00.000Z","attempts":1,"steps":[],"snapshots":[]}"#
        try lying.write(toFile: scratch.file("results/_invoker/session.json"), atomically: true, encoding: .utf8)
        let (code, run) = try run(["step", "--name", "compare", "--config", "config.json", "--", "/bin/true"], scratch)
        XCTAssertEqual(code, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("it is ready but names no invoker"), run.stderr)
    }
}
#endif
