#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest
import ProcessProbe

/// Snapshots of real processes named pwsh, LVCompare and LabVIEW (the fake invoker through symlinks).
final class SnapshotIntegrationTests: XCTestCase {
    func testProbeReportsNamedProcessesWithIdentityAndNoticesOneGone() throws {
        let scratch = try Scratch()
        let parent = try SupervisorProcessLauncher.fake(["--hang", "--grandchildren", "pwsh,LVCompare,LabVIEW", "--pid-file", "pids.txt"], in: scratch)
        defer { killAll([parent] + scratch.pids()) }
        XCTAssertTrue(scratch.waitFor("\n", in: "pids.txt"))
        let children = Array(scratch.pids().dropFirst())
        XCTAssertEqual(children.count, 3)

        let records = ProcessProbe.processes(named: ProcessProbe.defaultWatch).filter { children.contains($0.pid) }
        XCTAssertEqual(Set(records.map(\.name)), ["pwsh", "LVCompare", "LabVIEW"])
        for record in records {
            XCTAssertEqual(record.parentPID, parent)
            XCTAssertLessThan(abs(record.startTime.timeIntervalSinceNow), 120)
            XCTAssertTrue(ProcessProbe.isAlive(record.identity))
        }

        let (first, _) = try SupervisorProcess.run(["snapshot", "--phase", "before-kill", "--results-dir", "results", "--json"], in: scratch)
        XCTAssertEqual(first, 0)
        let victim = try XCTUnwrap(records.first { $0.name == "LVCompare" })
        kill(victim.pid, SIGKILL)
        XCTAssertTrue(allGone([victim.pid]))
        let (second, run) = try SupervisorProcess.run(["snapshot", "--phase", "after-kill", "--results-dir", "results", "--summary", "summary.md"], in: scratch)
        XCTAssertEqual(second, 0)
        XCTAssertTrue(run.stdout.contains("- `LVCompare` (PID \(victim.pid)) (gone)"), run.stdout)
        XCTAssertTrue(scratch.read("summary.md").hasPrefix("### After-Kill Process Snapshot"))

        let lines = scratch.read("results/_invoker/snapshots.ndjson").split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let last = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        XCTAssertEqual(last["gone"] as? [Int], [Int(victim.pid)])
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("snapshot phase=after-kill pwsh=") && $0.contains("LVCompare=") && $0.hasSuffix("gone=\(victim.pid)") })
    }

    func testRunSnapshotsEveryPhaseInOrderAndTheWarmupOutlivesTheRun() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.file("LVCompare"), withDestinationPath: Binaries.fakeInvoker)
        let steps: [[String: Any]] = [["name": "compare", "command": ["/bin/true"]], ["name": "report", "command": ["/bin/true"]]]
        let warmup: [String: Any] = ["command": [scratch.file("LVCompare"), "--grandchildren", "LabVIEW", "--pid-file", "warmup-pids.txt", "--hang"],
                                     "waitForProcess": "LabVIEW", "timeoutSeconds": 30]
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--grandchildren", "pwsh", "--pid-file", "pids.txt"],
                                            ready: ["line": "READY"], extra: ["steps": steps, "warmup": warmup]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        let warmupPIDs = scratch.pids("warmup-pids.txt")
        defer { killAll(warmupPIDs) }
        XCTAssertEqual(code, 0, run.stderr)

        let snapshots = try scratch.read("results/_invoker/snapshots.ndjson").split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(snapshots.map { $0["phase"] as? String }, ["pre-invoker", "post-invoker", "post-warmup", "pre-step:compare",
                                                                    "post-step:compare", "pre-step:report", "post-step:report", "post-stop"])
        func pids(_ phase: String, _ name: String) -> [Int] {
            let snapshot = snapshots.first { $0["phase"] as? String == phase }
            return (snapshot?["processes"] as? [[String: Any]] ?? []).filter { $0["name"] as? String == name }.compactMap { $0["pid"] as? Int }
        }
        let invokerTree = scratch.pids()
        XCTAssertTrue(pids("post-invoker", "pwsh").contains(Int(invokerTree[1])), "the invoker's pwsh child is in post-invoker")
        XCTAssertTrue(pids("post-warmup", "LVCompare").contains(Int(warmupPIDs[0])), "the warmup LVCompare is in post-warmup")
        XCTAssertTrue(pids("post-warmup", "LabVIEW").contains(Int(warmupPIDs[1])))
        XCTAssertFalse(pids("post-stop", "pwsh").contains(Int(invokerTree[1])), "the invoker tree is gone after the stop")
        XCTAssertTrue((snapshots.last?["gone"] as? [Int] ?? []).contains(Int(invokerTree[1])))
        XCTAssertTrue(warmupPIDs.allSatisfy(isAlive), "the warmup is still alive after run exits")

        let summary = scratch.read("summary.md")
        let headings = summary.split(separator: "\n").filter { $0.hasPrefix("### ") }
        XCTAssertEqual(headings, ["### Run Provenance", "### Invoker Boot", "### Pre-Invoker Process Snapshot", "### Post-Invoker Process Snapshot",
                                  "### Post-Warmup Process Snapshot", "### Pre-Step compare Process Snapshot",
                                  "### Post-Step compare Process Snapshot", "### Pre-Step report Process Snapshot",
                                  "### Post-Step report Process Snapshot", "### Post-Stop Process Snapshot",
                                  "### Run Timeline", "### Compare Outcome", "### Re-run With Same Inputs"])
        XCTAssertTrue(summary.contains("### Compare Outcome\n\n- No compare artifacts found under: "), summary)
        XCTAssertTrue(summary.contains("\n- reason: no_exec_json\n"), "a step named compare was expected to leave one")
        XCTAssertTrue(summary.contains("- `LVCompare` (PID \(warmupPIDs[0])) (new)"))
        XCTAssertEqual(scratch.bootLines.filter { $0.hasPrefix("snapshot phase=") }.count, 8)
    }
}

/// Starts the fake invoker directly (not through the supervisor).
enum SupervisorProcessLauncher {
    static func fake(_ knobs: [String], in scratch: Scratch, ownGroup: Bool = false) throws -> pid_t {
        var pid: pid_t = 0
        let argv = ([Binaries.fakeInvoker] + knobs).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(scratch.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if ownGroup {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        let result = posix_spawn(&pid, Binaries.fakeInvoker, nil, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }
}
#endif
