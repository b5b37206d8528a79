#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest
import ProcessProbe
@testable import Supervisor

/// The daemon with real processes: restarts on a schedule, kills a hung invoker, gives up, leaves
/// reused PIDs alone and orphans nowhere.
final class DaemonTests: XCTestCase {
    private let log = "state/daemon/_invoker/boot.log"

    private func daemonConfig(_ scratch: Scratch, knobs: [String], extra: [String: Any] = [:], daemon: [String: Any] = [:]) throws {
        var settings: [String: Any] = ["restartBaseSeconds": 0.5, "restartFactor": 2, "restartMaxSeconds": 4,
                                       "giveUpFailures": 100, "giveUpWindowSeconds": 600]
        settings.merge(daemon) { _, new in new }
        try scratch.writeConfig(Fake.config(knobs, ready: ["line": "^READY$"], timeout: 30,
                                            extra: ["stateDir": "state", "daemon": settings].merging(extra) { _, new in new }))
    }

    private func status(_ scratch: Scratch) throws -> [String: Any] {
        let (_, run) = try SupervisorProcess.run(["status", "--daemon", "--config", "config.json", "--json"], in: scratch)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
    }

    private func stop(_ daemon: SupervisorProcess) -> Int32 {
        kill(daemon.pid, SIGTERM)
        return daemon.wait()
    }

    func testAnInvokerThatDiesIsRestartedWithGrowingDelaysAndSIGTERMLeavesNoOrphans() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--ready-line", "READY", "--exit-after", "0.5", "--grandchildren", "pwsh", "--pid-file", "pids.txt"])
        let daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("restart #3 in 2 s", in: log, seconds: 60), scratch.read(log))
        XCTAssertTrue(scratch.waitFor("daemon boot generation=4", in: log))
        let lines = try bootStamps(scratch.read(log))
        let losses = lines.filter { $0.text.contains("daemon invoker lost: invoker exited code=0; restart #") }
        XCTAssertEqual(losses.prefix(3).map { String($0.text.split(separator: ";")[1]) }, [" restart #1 in 0.5 s", " restart #2 in 1 s", " restart #3 in 2 s"])
        for (loss, delay) in zip(losses.prefix(3), [0.5, 1, 2]) {
            let next = try XCTUnwrap(lines.first { $0.date > loss.date && $0.text.hasPrefix("daemon boot generation=") })
            XCTAssertGreaterThanOrEqual(next.date.timeIntervalSince(loss.date), delay * 0.9, "restart waited its delay")
        }
        XCTAssertEqual(try SupervisorProcess.run(["validate", "state/daemon-status.json", "--schema", "daemon-status"], in: scratch).code, 0)
        XCTAssertEqual(stop(daemon), 0)
        XCTAssertTrue(allGone(scratch.pids()), "still alive: \(scratch.pids().filter(isAlive))")
        XCTAssertEqual(try status(scratch)["state"] as? String, "stopped")
        XCTAssertEqual(try SupervisorProcess.run(["validate", "state/daemon-status.json", "--schema", "daemon-status"], in: scratch).code, 0)
    }

    func testOneDaemonPerStateFolderEvenWithACorruptedStatusFile() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--ready-line", "READY", "--pid-file", "pids.txt"])
        XCTAssertEqual(try SupervisorProcess.run(["status", "--daemon", "--config", "config.json"], in: scratch).code, 3, "none runs yet")
        let first = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("ready observed", in: log), scratch.read(log))
        XCTAssertEqual(try SupervisorProcess.run(["status", "--daemon", "--config", "config.json"], in: scratch).code, 0)
        try "{ not json".write(toFile: scratch.file("state/daemon-status.json"), atomically: true, encoding: .utf8)
        let (second, run) = try SupervisorProcess.run(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertEqual(second, 65, run.stdout)
        XCTAssertTrue(run.stderr.contains("holds daemon.lock"), run.stderr)
        XCTAssertEqual(scratch.pids().filter(isAlive).count, 1, "one invoker tree, not two")
        XCTAssertEqual(stop(first), 0)
        XCTAssertEqual(try SupervisorProcess.run(["status", "--daemon", "--config", "config.json"], in: scratch).code, 3, "stopped")
        XCTAssertTrue(allGone(scratch.pids()))
    }

    func testAStopAroundTheMomentOfReadyLeavesNoInvoker() throws {
        // The stop lands just before, at, or just after READY: every way, nothing may be left.
        for delay in [0.25, 0.3, 0.35] {
            let scratch = try Scratch()
            try daemonConfig(scratch, knobs: ["--boot-delay", "0.3", "--ready-line", "READY", "--grandchildren", "pwsh", "--pid-file", "pids.txt"])
            let daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
            XCTAssertTrue(scratch.waitFor("daemon boot generation=1", in: log), scratch.read(log))
            XCTAssertTrue(waitForLines(scratch, "pids.txt", 2))
            Thread.sleep(forTimeInterval: delay)
            XCTAssertEqual(stop(daemon), 0)
            XCTAssertTrue(allGone(scratch.pids()), "delay \(delay): still alive \(scratch.pids().filter(isAlive))\n\(scratch.read(log))")
        }
    }

    func testAHungInvokerIsKilledAndRestarted() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--ready-line", "READY", "--serve-queue", "queue", "--serve-for", "1", "--pid-file", "pids.txt"],
                         extra: ["handshake": ["fileQueuePing": "queue", "timeoutSeconds": 1], "healthCheck": ["intervalSeconds": 0.5]])
        let daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("daemon invoker ready pid=", in: log, seconds: 30), scratch.read(log))
        let first = try XCTUnwrap(scratch.pids().first)
        XCTAssertTrue(scratch.waitFor("daemon invoker lost: health check failed: no Ping answer", in: log, seconds: 30), scratch.read(log))
        XCTAssertTrue(scratch.waitFor("daemon boot generation=2", in: log, seconds: 30))
        XCTAssertTrue(allGone([first]), "the hung invoker was stopped")
        XCTAssertEqual(stop(daemon), 0)
        XCTAssertTrue(allGone(scratch.pids()))
    }

    func testACrashLoopEndsInFatalAndTheDaemonStaysUp() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--crash", "3"], daemon: ["restartBaseSeconds": 0.1, "giveUpFailures": 3, "giveUpWindowSeconds": 60])
        var config = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scratch.read("config.json").utf8)) as? [String: Any])
        config["attempts"] = 1
        try scratch.writeConfig(config)
        let daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("daemon fatal: 3 failures within 60 s", in: log, seconds: 60), scratch.read(log))
        let fatal = try status(scratch)
        XCTAssertEqual(fatal["state"] as? String, "fatal")
        XCTAssertEqual(fatal["daemonAlive"] as? Bool, true)
        XCTAssertTrue((fatal["lastError"] as? String)?.contains("exited early code=3") ?? false, "\(fatal)")
        let (_, text) = try SupervisorProcess.run(["status", "--daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(text.stdout.hasPrefix("daemon: fatal since "), text.stdout)
        XCTAssertEqual(stop(daemon), 0)
    }

    func testAStaleRecordIsStoppedOnlyWhenPidAndStartTimeMatch() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--ready-line", "READY"])
        let stranger = try SupervisorProcessLauncher.fake(["--hang"], in: scratch)
        // Started as the daemon starts its invokers: leading a process group.
        let ours = try SupervisorProcessLauncher.fake(["--hang", "--grandchildren", "LabVIEW", "--pid-file", "ours.txt"], in: scratch, ownGroup: true)
        defer { killAll([stranger, ours] + scratch.pids("ours.txt")) }
        XCTAssertTrue(scratch.waitFor("\n", in: "ours.txt"))
        let oursStart = Timestamp.iso8601(try XCTUnwrap(ProcessProbe.record(pid: ours)).startTime)
        func record(_ pid: pid_t, _ start: String) throws {
            try FileManager.default.createDirectory(atPath: scratch.file("state"), withIntermediateDirectories: true)
            let status: [String: Any] = ["schema": "invoker-daemon-status/v1", "state": "running", "daemon": ["pid": 1, "startTime": "1970-01-01T00:00:00.000Z"],
                                         "invoker": ["pid": pid, "startTime": start, "tree": ["leader": pid]], "since": start,
                                         "restarts": 0, "consecutiveFailures": 0, "config": "c", "updatedAt": start]
            try JSONSerialization.data(withJSONObject: status).write(to: URL(fileURLWithPath: scratch.file("state/daemon-status.json")))
        }

        try record(stranger, "2001-01-01T00:00:00.000Z")
        var daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("recorded invoker pid=\(stranger) is another process now (start time differs); left alone", in: log), scratch.read(log))
        XCTAssertEqual(stop(daemon), 0)
        XCTAssertTrue(isAlive(stranger), "a reused PID is never touched")

        try record(ours, oursStart)
        daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("stale invoker from a previous daemon stopped pid=\(ours) processes=2", in: log), scratch.read(log))
        XCTAssertEqual(stop(daemon), 0)
        XCTAssertTrue(allGone([ours] + scratch.pids("ours.txt").dropFirst()))
    }

    func testStatusShowsAnInvokerKilledFromOutsideWithinOneHealthInterval() throws {
        let scratch = try Scratch()
        try daemonConfig(scratch, knobs: ["--ready-line", "READY", "--pid-file", "pids.txt"], extra: ["healthCheck": ["intervalSeconds": 1]],
                         daemon: ["restartBaseSeconds": 30])
        let daemon = try SupervisorProcess(["daemon", "--config", "config.json"], in: scratch)
        defer { _ = stop(daemon) }
        XCTAssertTrue(scratch.waitFor("daemon invoker ready pid=", in: log, seconds: 30))
        XCTAssertEqual(try status(scratch)["invokerAlive"] as? Bool, true)
        let victim = try XCTUnwrap(scratch.pids().first)
        kill(victim, SIGKILL)
        let deadline = Date(timeIntervalSinceNow: 5)
        var seen: [String: Any] = [:]
        repeat {
            seen = try status(scratch)
            if seen["state"] as? String == "backoff" { break }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        XCTAssertEqual(seen["state"] as? String, "backoff", "\(seen)")
        XCTAssertEqual(seen["lastError"] as? String, "invoker exited signal=SIGKILL")
        XCTAssertNotNil(seen["nextRetryAt"] as? String)
        XCTAssertNil(seen["invoker"], "no invoker is claimed while backing off")
    }
}
#endif
