#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest
import SupervisorPlatform
@testable import Supervisor

/// The invoker's whole tree is the supervisor's, whatever it does; nothing of the user's is
/// removed; hostile text cannot forge log lines; failed writes are loud.
final class ContainmentTests: XCTestCase {
    func testDescendantsThatLeftTheGroupAreStoppedWithTheTree() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(
            ["--ready-file", "results/_invoker/ready.json", "--grandchildren", "pwsh", "--escape", "LabVIEW,LVCompare", "--pid-file", "pids.txt"],
            ready: ["file": "results/_invoker/ready.json"],
            extra: ["steps": [["name": "compare", "command": ["/bin/sh", "-c", "exit 0"]]]]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertEqual(tree.count, 4, scratch.read("pids.txt"))
        XCTAssertTrue(allGone(tree), "still alive: \(tree.filter(isAlive))\n\(scratch.bootLog)")
        let leader = try XCTUnwrap(tree.first)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("invoker stopped pid=\(leader) processes=4 signal=SIGTERM killed=no") }, scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.first?.hasSuffix("containment=subreaper+descendants+mark") == true, scratch.bootLog)
    }

    func testHungInvokerWhoseEscapedChildrenIgnoreSIGTERMLeavesNoSurvivor() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--hang", "--ignore-term", "--escape", "LabVIEW,pwsh", "--pid-file", "pids.txt"],
                                            ready: ["line": "^READY$"], timeout: 3, extra: ["stopGraceSeconds": 0.5]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        let tree = scratch.pids()
        defer { killAll(tree) }
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertEqual(tree.count, 3)
        let leader = try XCTUnwrap(tree.first)
        XCTAssertTrue(allGone(tree), "still alive: \(tree.filter(isAlive))")
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 stopped pid=\(leader) processes=3 signal=SIGTERM killed=yes") && !$0.contains("survivors") },
                      scratch.bootLog)
    }

    func testReadyFileNamingADirectoryIsRefusedAndNothingIsTouched() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("project/.git"), withIntermediateDirectories: true)
        try "keep".write(toFile: scratch.file("project/.git/HEAD"), atomically: true, encoding: .utf8)
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "project"]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        XCTAssertEqual(code, 64)
        XCTAssertTrue(run.stderr.contains("'ready.file' names a directory"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(scratch.read("project/.git/HEAD"), "keep")

        try FileManager.default.createSymbolicLink(atPath: scratch.file("link.json"), withDestinationPath: scratch.file("project/.git/HEAD"))
        try scratch.writeConfig(Fake.config(["--hang"], ready: ["file": "link.json"]))
        XCTAssertEqual(try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch).code, 64)
        XCTAssertEqual(scratch.read("project/.git/HEAD"), "keep")
    }

    func testADirectoryTheInvokerCreatesAtTheReadyPathIsNotReadyAndIsLeftAlone() throws {
        let scratch = try Scratch()
        var config = Fake.config([], ready: ["file": "results/_invoker/ready.json"], attempts: 2, timeout: 1)
        config["invoker"] = ["command": ["/bin/sh", "-c", "mkdir -p results/_invoker/ready.json && touch results/_invoker/ready.json/x && exec sleep 30"]]
        try scratch.writeConfig(config)
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--on-not-ready", "fail"], in: scratch)
        XCTAssertEqual(code, 3, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("results/_invoker/ready.json/x")))
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#2 ready file path is a directory, not removed") }, scratch.bootLog)
    }

    func testSIGHUPCancelsLikeSIGTERMAndStopsTreesInParallel() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(
            ["--ready-line", "READY", "--ignore-term", "--pid-file", "pids.txt"], ready: ["line": "^READY$"],
            extra: ["stopGraceSeconds": 3,
                    "steps": [["name": "compare", "command": ["/bin/sh", "-c", "trap '' TERM; echo $$ > step.pid; while :; do sleep 1; done"]]]]))
        let run = try SupervisorProcess(["run", "--config", "config.json"], in: scratch)
        XCTAssertTrue(scratch.waitFor("\n", in: "step.pid"), scratch.bootLog)
        let sent = Date()
        kill(run.pid, SIGHUP)
        let code = run.wait()
        let took = Date().timeIntervalSince(sent)
        let tree = scratch.pids() + [Int32(scratch.read("step.pid").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0]
        defer { killAll(tree) }
        XCTAssertEqual(code, 129, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains("cancelled signal=SIGHUP"), scratch.bootLog)
        XCTAssertTrue(allGone(tree))
        XCTAssertLessThan(took, 5.5, "two trees ignoring SIGTERM with a 3 s grace each were stopped one after the other")
    }

    func testInvokerTextCannotForgeABootLogLineOrAWorkflowCommand() throws {
        let scratch = try Scratch()
        var config = Fake.config([], ready: ["line": "^READY$"], timeout: 2)
        config["invoker"] = ["command": ["/bin/sh", "-c", "echo READY; exit 0", "x\nfinished outcome=succeeded exit=0\n::error::forged"]]
        try scratch.writeConfig(config)
        let (_, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch, environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(scratch.bootLines.filter { $0.hasPrefix("finished") }.count, 1, scratch.bootLog)
        XCTAssertTrue(scratch.bootLog.contains(#"x\nfinished outcome=succeeded exit=0\n::error::forged"#), scratch.bootLog)
        XCTAssertFalse(run.stdout.split(separator: "\n").contains { $0.hasPrefix("::error::") }, run.stdout)
    }

    func testFailedWritesAreReportedAndTheRunDoesNotExitZero() throws {
        let scratch = try Scratch()
        try scratch.writeConfig(Fake.config(["--ready-line", "READY"], ready: ["line": "^READY$"]))
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json", "--summary", "/dev/full"], in: scratch,
                                                    environment: ["GITHUB_OUTPUT": "/dev/full"])
        XCTAssertEqual(code, 74, run.stderr)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error: cannot write /dev/full") }
        XCTAssertEqual(errors.count, 1, run.stderr)
        XCTAssertTrue(errors.first?.contains("No space left on device") == true, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("finished outcome=succeeded") }, "what could be written is intact")
    }
}

/// Writes that cannot be turned against another file.
final class SafeFileTests: XCTestCase {
    func testAtomicWriteRefusesALinkAndLeavesItsTargetAlone() throws {
        let scratch = try Scratch()
        try "theirs".write(toFile: scratch.file("victim"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("session.json"), withDestinationPath: scratch.file("victim"))
        XCTAssertThrowsError(try FileSystem.writeAtomically(Array("ours".utf8), to: scratch.file("session.json")))
        XCTAssertEqual(scratch.read("victim"), "theirs")
        XCTAssertEqual(FileKind.of(scratch.file("session.json")), .symbolicLink)
    }

    func testAtomicWriteIgnoresPlantedPredictableTemporaryNamesAndSetsTheMode() throws {
        let scratch = try Scratch()
        let target = scratch.file("state.json")
        try "theirs".write(toFile: scratch.file("victim"), atomically: true, encoding: .utf8)
        for suffix in ["tmp-\(getpid())", "tmp"] {
            try FileManager.default.createSymbolicLink(atPath: target + "." + suffix, withDestinationPath: scratch.file("victim"))
        }
        let previous = umask(0o077)
        defer { umask(previous) }
        try FileSystem.writeAtomically(Array("ours".utf8), to: target)
        XCTAssertEqual(scratch.read("state.json"), "ours")
        XCTAssertEqual(scratch.read("victim"), "theirs")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue, 0o644)
        try FileSystem.makeDirectories(scratch.file("a/b"))
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: scratch.file("a/b"))[.posixPermissions] as? NSNumber)
        XCTAssertEqual(folderMode.intValue, 0o755)
    }

    func testAppendingRefusesALinkInOurFolders() throws {
        let scratch = try Scratch()
        try "theirs".write(toFile: scratch.file("victim"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("boot.log"), withDestinationPath: scratch.file("victim"))
        XCTAssertThrowsError(try AppendFile(path: scratch.file("boot.log")))
        XCTAssertEqual(scratch.read("victim"), "theirs")
    }
}
#endif

#if os(Linux)
/// Hostile invoker output: a pathological READY pattern and a huge line do not hide a later READY.
final class HostileOutputTests: XCTestCase {
    func testAPathologicalPatternStillSeesTheLaterReadyLineReadFromInvokerLog() throws {
        let scratch = try Scratch()
        var config = Fake.config([], ready: ["line": "^(a+)+$"], timeout: 60, extra: ["keepInvoker": true])
        config["invoker"] = ["command": ["/bin/sh", "-c",
                                         "head -c 300000 /dev/zero | tr '\\\\0' a; echo b; head -c 3000000 /dev/zero | tr '\\\\0' x; echo; echo aaaa; echo $$ > pid.txt; exec sleep 300"]]
        try scratch.writeConfig(config)
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"], in: scratch)
        defer { killAll(scratch.pids("pid.txt")) }
        XCTAssertEqual(code, 0, run.stderr)
        XCTAssertTrue(scratch.bootLines.contains { $0.hasPrefix("attempt#1 ready observed") }, scratch.bootLog)
    }
}
#endif
