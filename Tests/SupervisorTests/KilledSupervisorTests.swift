#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// A supervisor that is killed (SIGKILL) leaves nothing running and nothing that a later run
/// could mistake for its own READY.
final class KilledSupervisorTests: XCTestCase {
    func testKillingRunWhileItWaitsForReadyStopsTheWholeTree() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang", "--grandchildren", "pwsh", "--escape", "LabVIEW", "--pid-file", "pids.txt"],
                                            ready: ["line": "^READY$"], extra: ["stopGraceSeconds": 0.5]))
        let run = try SupervisorProcess(["run", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("\n", in: "pids.txt") && waitForLines(scratch, "pids.txt", 3))
        kill(run.pid, SIGKILL)
        _ = run.wait()
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertTrue(allGone(tree, seconds: 15), "outlived a killed run: \(tree.filter(isAlive))")
    }

    func testKillingStartMidBootLeavesARecordAndNoTree() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang", "--pid-file", "pids.txt", "--grandchildren", "LVCompare"],
                                            ready: ["line": "^READY$"], extra: ["stopGraceSeconds": 0.5]))
        let start = try SupervisorProcess(["start", "--config", "config.json"], in: scratch)
        XCTAssertTrue(waitForLines(scratch, "pids.txt", 2))
        let session = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scratch.read("results/_invoker/session.json").utf8)) as? [String: Any])
        let invoker = try XCTUnwrap(session["invoker"] as? [String: Any], "the invoker is recorded before READY")
        XCTAssertEqual(invoker["pid"] as? Int, scratch.pids().first.map(Int.init))
        kill(start.pid, SIGKILL)
        _ = start.wait()
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertTrue(allGone(tree, seconds: 15), "outlived a killed start: \(tree.filter(isAlive))")
        let (stopped, _) = try SupervisorProcess.run(["stop", "--config", "config.json"], in: scratch)
        XCTAssertEqual(stopped, 0)
    }

    func testAPortAlreadyOpenBeforeTheSpawnIsNotThisAttemptsReady() throws {
        let scratch = try Scratch()
        let port = 20000 + Int(getpid() % 20000)
        let squatter = try SupervisorProcess(["--ready-port", "\(port)", "--pid-file", "squatter.txt"], in: scratch,
                                             executable: Binaries.fakeInvoker)
        defer { kill(squatter.pid, SIGKILL); _ = squatter.wait() }
        XCTAssertTrue(waitForTCP(port))
        try scratch.writeConfig(Fake.config(["--ready-port", "\(port)"], ready: ["tcp": "127.0.0.1:\(port)"], timeout: 2))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--on-not-ready", "fail"], in: scratch)
        XCTAssertEqual(code, 3, run.stderr + scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready port 127.0.0.1:\(port) already accepts before the spawn") }, scratch.bootLog)
        XCTAssertFalse(scratch.bootLines.contains { $0.contains("ready observed") })
    }

    func testAKilledStepsCommandIsStoppedWithTheSession() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--pid-file", "pids.txt"], ready: ["line": "^READY$"],
                                            extra: ["stopGraceSeconds": 0.5]))
        XCTAssertEqual(try SupervisorProcess.run(["start", "--config", "config.json"], in: scratch).code, 0)
        let step = try SupervisorProcess(["step", "--name", "compare", "--config", "config.json", "--",
                                          "/bin/sh", "-c", "setsid sh -c 'echo $$ > step.pid; exec sleep 300' & wait"], in: scratch)
        XCTAssertTrue(scratch.waitFor("\n", in: "step.pid"))
        kill(step.pid, SIGKILL)
        _ = step.wait()
        let command = Int32(scratch.read("step.pid").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        defer { killAll(scratch.pids() + [command]) }
        XCTAssertTrue(isAlive(command))
        let started = scratch.read("results/_invoker/steps.ndjson").split(separator: "\n").first.map(String.init) ?? ""
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(started.utf8)) as? [String: Any], started)
        XCTAssertEqual(record["name"] as? String, "compare", "the step was recorded before its command started")
        let (stopped, stop) = try SupervisorProcess.run(["stop", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(stopped, 0, stop.stderr)
        XCTAssertTrue(allGone([command] + scratch.pids()), scratch.bootLog)
        XCTAssertTrue(scratch.read("summary.md").contains("- Step `compare`: did not finish"), scratch.read("summary.md"))
    }
}

/// Waits until `name` has at least `count` lines.
func waitForLines(_ scratch: Scratch, _ name: String, _ count: Int, seconds: Double = 30) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if scratch.read(name).split(separator: "\n").count >= count { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}

/// Waits until something accepts connections on 127.0.0.1:`port`.
func waitForTCP(_ port: Int, seconds: Double = 30) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(fd)
        if connected == 0 { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}
#endif
