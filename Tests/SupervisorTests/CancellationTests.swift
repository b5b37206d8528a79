#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest

/// A runner cancel (SIGINT / SIGTERM) in the middle of a run: trees stopped, `cancelled` logged, 130 / 143.
final class CancellationTests: XCTestCase {
    /// Starts a run and sends `signal` once `file` contains `phrase`.
    private func cancel(with signal: Int32, when phrase: String, in file: String = "results/_invoker/boot.log",
                        config: [String: Any]) throws -> (Int32, Scratch) {
        let scratch = try Scratch(#function + "\(signal)" + phrase)
        try scratch.writeConfig(config)
        let run = try SupervisorProcess(["run", "--config", "config.json", "--summary", "summary.md"], in: scratch)
        XCTAssertTrue(scratch.waitFor(phrase, in: file), scratch.bootLog)
        kill(run.pid, signal)
        return (run.wait(), scratch)
    }

    func testSIGTERMWhileWaitingForReadyStopsTheTreeAndExits143() throws {
        let config = Fake.config(["--hang", "--grandchildren", "pwsh,LVCompare", "--pid-file", "pids.txt"],
                                 ready: ["file": "ready.json"], timeout: 600)
        let (code, scratch) = try cancel(with: SIGTERM, when: "\n", in: "pids.txt", config: config)
        XCTAssertEqual(code, 143)
        XCTAssertTrue(scratch.bootLines.contains("cancelled signal=SIGTERM"), scratch.bootLog)
        XCTAssertTrue(scratch.bootLines.last?.hasPrefix("finished outcome=cancelled exit=143") ?? false)
        XCTAssertTrue(allGone(scratch.pids()), "still alive: \(scratch.pids().filter(isAlive))")
        XCTAssertTrue(scratch.read("summary.md").contains("Cancelled by SIGTERM"))
    }

    func testSIGINTDuringAHeavyStepStopsStepAndInvokerAndExits130() throws {
        let steps: [[String: Any]] = [["name": "compare", "command": Fake.command(["--hang", "--pid-file", "step-pids.txt"])]]
        let config = Fake.config(["--ready-line", "READY", "--pid-file", "pids.txt"], ready: ["line": "READY"],
                                 extra: ["steps": steps])
        let (code, scratch) = try cancel(with: SIGINT, when: "\n", in: "step-pids.txt", config: config)
        XCTAssertEqual(code, 130)
        XCTAssertTrue(scratch.bootLines.contains("cancelled signal=SIGINT"), scratch.bootLog)
        XCTAssertTrue(allGone(scratch.pids() + scratch.pids("step-pids.txt")))
    }
}
#endif
