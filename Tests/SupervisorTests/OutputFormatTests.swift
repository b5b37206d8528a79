import XCTest
import SupervisorPlatform
@testable import Supervisor

/// The formats users read, held to docs/boot-log.md, docs/summary.md and docs/github-outputs.md.
final class OutputFormatTests: XCTestCase {
    func testBootLogLineShape() {
        let date = Date(timeIntervalSince1970: 1795692038.25)
        XCTAssertEqual(BootLog.line("attempt#1 ready observed elapsed=1.2 via=file", at: date),
                       "[2026-11-26T11:20:38.250Z] attempt#1 ready observed elapsed=1.2 via=file")
    }

    func testCommandQuoting() {
        XCTAssertEqual(BootLog.quote(["C:\\Program Files\\LVCompare.exe", "-nobd", ""]), "\"C:\\Program Files\\LVCompare.exe\" -nobd \"\"")
        XCTAssertEqual(BootLog.quote(["sh", "-c", "echo \"hi\""]), "sh -c \"echo \\\"hi\\\"\"")
    }

    func testSecondsPrintWholeNumbersWithoutDecimalPoint() {
        XCTAssertEqual(Seconds.format(7), "7")
        XCTAssertEqual(Seconds.format(60.0), "60")
        XCTAssertEqual(Seconds.format(0.5), "0.5")
        XCTAssertEqual(Seconds.format(7.0001), "7", "rounds to a whole number: no trailing point")
        XCTAssertEqual(Seconds.format(-0.0001), "0")
        XCTAssertEqual(Seconds.format(1.2346), "1.235")
        XCTAssertEqual(Seconds.format(202.5), "202.5")
        XCTAssertEqual(Seconds.format(0.0004), "0")
        XCTAssertEqual(Seconds.format(-1.25), "-1.25")
        XCTAssertEqual(Seconds.format(0.05), "0.05")
        XCTAssertEqual(Seconds.format(86400.001), "86400.001")
        XCTAssertEqual(Seconds.format(.infinity), "inf")
    }

    func testNotReadyLineIsExact() {
        XCTAssertEqual(RunSummary.notReadyLine(reason: .timeout, attempts: 3, delaySeconds: 7, timeoutSeconds: 60),
                       "invoker not READY — timeout (attempts=3, delay=7, to=60)")
    }

    func testGitHubOutputsOrder() {
        XCTAssertEqual(GitHubOutputs(ready: false, reasonCode: "timeout", attempts: 3, elapsedMilliseconds: 194012).text,
                       "ready=false\nreason=timeout\nattempts=3\nelapsed_ms=194012\nreason_code=timeout\n")
        XCTAssertEqual(GitHubOutputs(ready: false, reasonCode: "spawn_error", attempts: 1, elapsedMilliseconds: 5).text,
                       "ready=false\nreason=error\nattempts=1\nelapsed_ms=5\nreason_code=spawn_error\n", "the seed's vocabulary in reason")
    }

    private func record(steps: [String] = ["compare", "report"], warmup: Bool = true) throws -> RunRecord {
        let json = #"{"invoker":{"command":["x"]},"ready":{"file":"r"},"attempts":3,"delaySeconds":7,"timeoutSeconds":60,"steps":["#
            + steps.map { #"{"name":"\#($0)","command":["x"]}"# }.joined(separator: ",") + "]"
            + (warmup ? #","warmup":{"command":["x"]}}"# : "}")
        let value = try JSONParser.parse(Array(json.utf8))
        return RunRecord(config: try ConfigLoader.parse(value, file: "/c.json", overrides: ConfigOverrides(), currentDirectory: "/"))
    }

    func testSummaryWhenReady() throws {
        var run = try record()
        run.readyAttempt = 2
        run.readyElapsedSeconds = 4.25
        run.warmup = .sawProcess(name: "LabVIEW", pid: 4120, seconds: 3.5, warmupRunning: true)
        run.steps = [.init(name: "compare", exit: .exited(code: 1), seconds: 12.5, note: nil)]
        run.outcome = .stepFailed(index: 0)
        XCTAssertEqual(RunSummary.bootBlock(run), """
        ### Invoker Boot

        - READY: attempt 2 of 3, 4.25 s after spawn (via file)
        - Warmup: `LabVIEW` started (PID 4120) after 3.5 s; warmup left running (by design)
        - Step `compare`: exit 1 in 12.5 s
        - Not run because a step failed: report.


        """)
    }

    func testSummaryWhenNotReady() throws {
        var run = try record()
        run.outcome = .notReady(lastFailure: .timedOut(seconds: 60), attempts: 3)
        XCTAssertEqual(RunSummary.bootBlock(run), """
        ### Invoker Boot

        invoker not READY — timeout (attempts=3, delay=7, to=60)

        - Skipped because the invoker never became READY: warmup, compare, report.
        - Last error: `timeout after 60 s`. Details: `_invoker/boot.log`.


        """)
    }

    func testSummaryWhenCancelled() throws {
        var run = try record(steps: ["compare"], warmup: false)
        run.outcome = .cancelled(.terminate)
        XCTAssertEqual(RunSummary.bootBlock(run), """
        ### Invoker Boot

        - Cancelled by SIGTERM; the invoker tree was stopped. Not run: compare.


        """)
    }

    func testLineSplitter() {
        var splitter = LineSplitter()
        XCTAssertEqual(splitter.feed(Array("READ".utf8)), [])
        XCTAssertEqual(splitter.feed(Array("Y\r\nnext\npart".utf8)), ["READY", "next"])
        XCTAssertEqual(splitter.finish(), "part")
        XCTAssertNil(splitter.finish())
        var small = LineSplitter(maxLineBytes: 4)
        XCTAssertEqual(small.feed(Array("abcdefg\n".utf8)), ["abcd", "efg"])
    }

    func testExecutableLookup() throws {
        let lookup = ExecutableLookup.posix(environment: ["PATH": "/a:/b"]) { $0 == "/b/pwsh" || $0 == "/w/tools/x" }
        XCTAssertEqual(try lookup.resolve("pwsh", workingDirectory: "/w"), "/b/pwsh")
        XCTAssertEqual(try lookup.resolve("tools/x", workingDirectory: "/w"), "/w/tools/x")
        XCTAssertThrowsError(try lookup.resolve("LVCompare", workingDirectory: "/w")) { error in
            XCTAssertEqual("\(error)", "LVCompare: not found in PATH")
        }
    }
}

/// Timestamps agree with Foundation's ISO-8601 formatter across leap years, epochs and centuries.
final class TimestampTests: XCTestCase {
    func testMatchesFoundationFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let instants: [Double] = [0, 0.999, 951_782_400.5, 1_709_164_800.123, 1_795_692_038.25, 4_102_444_799.999, -86_400.5]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(Timestamp.iso8601(date), formatter.string(from: date), "at \(seconds)")
        }
    }
}

/// Size-based rotation of long-lived logs.
final class AppendFileRotationTests: XCTestCase {
    func testRotatesPastTheLimitAndKeepsN() throws {
        let folder = NSTemporaryDirectory() + "rotation-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = try AppendFile(path: folder + "/daemon.log", rotation: .init(maxBytes: 100, keep: 2))
        for index in 0..<40 { file.append(String(format: "line %03d of the log\n", index)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names, ["daemon.log", "daemon.log.1", "daemon.log.2"])
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            XCTAssertLessThanOrEqual(text.utf8.count, 100)
            XCTAssertTrue(text.hasSuffix("of the log\n"), "whole lines only")
        }
        XCTAssertTrue(try String(contentsOfFile: folder + "/daemon.log", encoding: .utf8).hasSuffix("line 039 of the log\n"))
    }
}
