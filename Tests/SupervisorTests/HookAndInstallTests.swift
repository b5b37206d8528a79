#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// The shipped .sh job hooks end to end with a simulated GitHub environment, with and without a
/// daemon; and the Linux install script into a temporary prefix, twice, then uninstalled.
final class HookAndInstallTests: XCTestCase {
    private func github(_ scratch: Scratch, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "19638765432", "GITHUB_RUN_ATTEMPT": "1", "GITHUB_JOB": "compare",
            "GITHUB_REPOSITORY": "o/r", "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": ProvenanceTests.fixtures.appendingPathComponent("events/pull_request.json").path,
            "GITHUB_STEP_SUMMARY": scratch.file("summary.md"), "GITHUB_ENV": scratch.file("github-env.txt"),
            "RUNNER_TRACKING_ID": "github_7f3c", "INVOKER_SUPERVISOR_BIN": Binaries.supervisor,
            "INVOKER_SUPERVISOR_CONFIG": scratch.file("config.json"), "INVOKER_SUPERVISOR_STATE_DIR": scratch.file("state"),
            "INVOKER_SUPERVISOR_DEADLINE": "30",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    private func hook(_ name: String, _ scratch: Scratch, _ environment: [String: String]) throws -> (code: Int32, run: SupervisorProcess) {
        try SupervisorProcess.run([Binaries.repository + "/packaging/hooks/\(name).sh"], in: scratch, environment: environment, executable: "/bin/bash")
    }

    private func exported(_ scratch: Scratch) -> [String: String] {
        Dictionary(scratch.read("github-env.txt").split(separator: "\n").compactMap { line -> (String, String)? in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }, uniquingKeysWith: { _, last in last })
    }

    func testHooksWithoutADaemonStartAndStopTheJobsSession() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--grandchildren", "pwsh", "--pid-file", "pids.txt"], ready: ["line": "READY"]))
        let environment = github(scratch)
        let (started, start) = try hook("job-started", scratch, environment)
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertEqual(started, 0, start.stderr)
        XCTAssertTrue(start.stdout.contains("invoker-supervisor job-started: READY (session invoker, PID \(tree[0]), attempt 1)"), start.stdout)
        let results = try XCTUnwrap(exported(scratch)["INVOKER_SUPERVISOR_RESULTS_DIR"])
        XCTAssertEqual(results, scratch.file("state/hooks/19638765432-1-compare"))
        XCTAssertEqual(exported(scratch)["INVOKER_READY"], "true")
        XCTAssertTrue(tree.allSatisfy(isAlive), "the invoker outlives the hook")

        // A workflow step finds the session through the exported variable.
        let (stepped, _) = try SupervisorProcess.run(["step", "--name", "compare", "--", "/bin/true"], in: scratch,
                                                     environment: ["INVOKER_SUPERVISOR_RESULTS_DIR": results])
        XCTAssertEqual(stepped, 0)

        let labview = try SupervisorProcessLauncher.fake(["--hang", "--grandchildren", "LabVIEW", "--pid-file", "labview.txt"], in: scratch)
        XCTAssertTrue(scratch.waitFor("\n", in: "labview.txt"))
        defer { killAll([labview] + scratch.pids("labview.txt")) }
        let (completed, complete) = try hook("job-completed", scratch, environment)
        XCTAssertEqual(completed, 0)
        XCTAssertTrue(allGone(tree), "the session's invoker is stopped")
        XCTAssertTrue(complete.stdout.contains("::warning::left running after the job: LabVIEW (PID \(scratch.pids("labview.txt")[1])"), complete.stdout)
        let lines = try String(contentsOfFile: results + "/_invoker/boot.log", encoding: .utf8)
        XCTAssertTrue(lines.contains("snapshot phase=pre-job "))
        XCTAssertTrue(lines.contains("snapshot phase=post-job "))
        XCTAssertTrue(lines.contains("hook job-completed left-behind=1 stale-sessions-removed=0"))
    }

    func testHooksWithADaemonWaitForItsInvokerAndLeaveItRunning() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--pid-file", "pids.txt"], ready: ["line": "READY"]))
        let daemon = try SupervisorProcess(["daemon", "--config", "config.json", "--state-dir", "state"], in: scratch)
        defer {
            kill(daemon.pid, SIGTERM)
            _ = daemon.wait()
        }
        XCTAssertTrue(scratch.waitFor(#""state" : "running""#, in: "state/daemon-status.json"), "the daemon is up before the job")
        let environment = github(scratch)
        let (started, start) = try hook("job-started", scratch, environment)
        XCTAssertEqual(started, 0, start.stderr)
        let invoker = try XCTUnwrap(scratch.pids().first)
        XCTAssertTrue(start.stdout.contains("job-started: READY (the daemon's invoker, PID \(invoker))"), start.stdout)
        let (completed, _) = try hook("job-completed", scratch, environment)
        XCTAssertEqual(completed, 0)
        XCTAssertTrue(isAlive(invoker), "the daemon's invoker is not the job's to stop")
    }

    func testAnEarlierJobsLiveSessionIsStoppedByTheNextJobStarted() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--pid-file", "pids.txt"], ready: ["line": "READY"]))
        // Job 1 of this runner starts, and its job-completed never runs (a crash).
        let (first, firstRun) = try hook("job-started", scratch, github(scratch, ["RUNNER_NAME": "host-1", "GITHUB_RUN_ID": "1"]))
        XCTAssertEqual(first, 0, firstRun.stderr)
        let firstTree = scratch.pids()
        defer { killAll(firstTree) }
        // Another runner's live job on the same host is left alone.
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--pid-file", "other.txt"], ready: ["line": "READY"]))
        XCTAssertEqual(try hook("job-started", scratch, github(scratch, ["RUNNER_NAME": "host-2", "GITHUB_RUN_ID": "9"])).code, 0)
        let otherTree = scratch.pids("other.txt")
        defer { killAll(otherTree) }
        // Job 2 of the first runner.
        try scratch.writeConfig(Fake.config(["--ready-line", "READY", "--pid-file", "second.txt"], ready: ["line": "READY"]))
        let (second, secondRun) = try hook("job-started", scratch, github(scratch, ["RUNNER_NAME": "host-1", "GITHUB_RUN_ID": "2"]))
        defer { killAll(scratch.pids("second.txt")) }
        XCTAssertEqual(second, 0, secondRun.stderr)
        XCTAssertTrue(allGone(firstTree), "the earlier job's invoker survived")
        XCTAssertTrue(otherTree.allSatisfy(isAlive), "another runner's invoker was stopped")
        // The same folder given again (a fixed --results-dir): still exit 0, the live session is stopped first.
        let fixed = github(scratch, ["RUNNER_NAME": "host-3", "INVOKER_SUPERVISOR_RESULTS_DIR": scratch.file("fixed")])
        XCTAssertEqual(try hook("job-started", scratch, fixed).code, 0)
        let fixedTree = scratch.pids("second.txt")
        XCTAssertEqual(try hook("job-started", scratch, fixed).code, 0)
        XCTAssertTrue(allGone(fixedTree.filter { !scratch.pids("second.txt").contains($0) }))
    }

    func testJobStartedProceedsWithoutReadyUnlessReadyIsRequired() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "ready.json"], timeout: 1))
        let (proceeds, run) = try hook("job-started", scratch, github(scratch))
        XCTAssertEqual(proceeds, 0)
        XCTAssertTrue(run.stdout.contains("job-started: not READY (timeout)"), run.stdout)
        XCTAssertEqual(exported(scratch)["INVOKER_READY"], "false")
        XCTAssertTrue(scratch.read("summary.md").contains("invoker not READY — timeout (attempts=1, delay=0, to=1)"))
        let (required, _) = try hook("job-started", scratch, github(scratch, ["INVOKER_SUPERVISOR_REQUIRE_READY": "1", "GITHUB_RUN_ATTEMPT": "2"]))
        XCTAssertEqual(required, 3)
    }

    func testJobStartedKeepsItsDeadlineWhateverTheConfigSays() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "ready.json"], attempts: 5, timeout: 600))
        let began = Date()
        let (code, run) = try hook("job-started", scratch, github(scratch, ["INVOKER_SUPERVISOR_DEADLINE": "2"]))
        XCTAssertEqual(code, 0)
        XCTAssertLessThan(Date().timeIntervalSince(began), 60, "bounded by the deadline, not 5 × 600 s")
        XCTAssertTrue(run.stdout.contains("job-started: not READY (cancelled)"), run.stdout)
    }

    func testLinuxInstallIntoATemporaryPrefixTwiceThenUninstall() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("runner"), withIntermediateDirectories: true)
        try "LANG=C.UTF-8\nACTIONS_RUNNER_HOOK_JOB_STARTED=/old/hook.sh\n".write(toFile: scratch.file("runner/.env"), atomically: true, encoding: .utf8)
        let script = Binaries.repository + "/packaging/linux/install.sh"
        let install = [script, "--binary", Binaries.supervisor, "--prefix", scratch.file("prefix"), "--runner-dir", scratch.file("runner"),
                       "--state-dir", scratch.file("state"), "--user", "runner", "--no-systemd"]
        for _ in 0..<2 {
            let (code, run) = try SupervisorProcess.run(install, in: scratch, executable: "/bin/bash")
            XCTAssertEqual(code, 0, run.stderr)
        }
        for file in ["bin/invoker-supervisor", "share/invoker-supervisor/hooks/job-started.sh", "share/invoker-supervisor/hooks/job-completed.sh",
                     "etc/invoker-supervisor/supervisor.json", "lib/systemd/system/invoker-supervisor.service"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("prefix/" + file)), file)
        }
        let unit = scratch.read("prefix/lib/systemd/system/invoker-supervisor.service")
        XCTAssertTrue(unit.contains("ExecStart=\(scratch.file("prefix"))/bin/invoker-supervisor daemon --config \(scratch.file("prefix"))/etc/invoker-supervisor/supervisor.json --state-dir \(scratch.file("state"))"))
        XCTAssertTrue(unit.contains("User=runner\n") && unit.contains("Restart=on-failure\n") && unit.contains("TimeoutStopSec=30\n"))
        XCTAssertEqual(scratch.read("runner/.env"), """
        LANG=C.UTF-8
        ACTIONS_RUNNER_HOOK_JOB_STARTED=\(scratch.file("prefix"))/share/invoker-supervisor/hooks/job-started.sh
        ACTIONS_RUNNER_HOOK_JOB_COMPLETED=\(scratch.file("prefix"))/share/invoker-supervisor/hooks/job-completed.sh
        INVOKER_SUPERVISOR_CONFIG=\(scratch.file("prefix"))/etc/invoker-supervisor/supervisor.json
        INVOKER_SUPERVISOR_BIN=\(scratch.file("prefix"))/bin/invoker-supervisor
        INVOKER_SUPERVISOR_STATE_DIR=\(scratch.file("state"))

        """, "each key once, other lines kept, after two installs")
        let (version, installed) = try SupervisorProcess.run(["--version"], in: scratch, executable: scratch.file("prefix/bin/invoker-supervisor"))
        XCTAssertEqual(version, 0)
        XCTAssertTrue(installed.stdout.hasPrefix("invoker-supervisor "))

        let (removed, _) = try SupervisorProcess.run([script, "--uninstall", "--prefix", scratch.file("prefix"), "--runner-dir", scratch.file("runner"), "--no-systemd"],
                                                     in: scratch, executable: "/bin/bash")
        XCTAssertEqual(removed, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("prefix/bin/invoker-supervisor")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("prefix/share/invoker-supervisor")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("prefix/etc/invoker-supervisor/supervisor.json")), "config kept")
        XCTAssertEqual(scratch.read("runner/.env"), "LANG=C.UTF-8\n")
    }
}
#endif
