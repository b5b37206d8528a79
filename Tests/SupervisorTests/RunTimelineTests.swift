import XCTest
@testable import Supervisor
import SupervisorPlatform

/// The run timeline read back from boot.log and drawn as a Mermaid gantt chart (docs/summary.md).
/// After a deliberate format change: UPDATE_GOLDEN=1 swift test --filter RunTimelineTests.
final class RunTimelineTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_795_692_089)

    /// boot.log lines made by the same code that writes boot.log, `offset` seconds after t0.
    private func lines(_ events: [(Double, BootLogEvent)]) -> [String] {
        events.map { BootLog.line($0.1.text, at: t0.addingTimeInterval($0.0)) }
    }

    private let settings = BootSettings(attempts: 2, delaySeconds: 7, timeoutSeconds: 60)
    private let stopped = TreeStopReport(signalled: 2, killed: false, survivors: [])

    private var retriedRun: [(Double, BootLogEvent)] {
        [(0, .supervisorStart(version: "0.1.0", pid: 10, config: "/repo/supervisor.json", settings: settings, readyVia: "file", containment: "job-object")),
         (0.002, .attemptSpawned(attempt: 1, pid: 11, command: ["pwsh"])),
         (60.004, .attemptFailed(attempt: 1, .timedOut(seconds: 60), retryInSeconds: 7)),
         (60.031, .attemptStopped(attempt: 1, pid: 11, stopped)),
         (67.035, .attemptSpawned(attempt: 2, pid: 12, command: ["pwsh"])),
         (71.2, .readySignalled(attempt: 2, via: "file", elapsed: "4.165")),
         (71.347, .readyObserved(attempt: 2, elapsed: "4.312", via: "file", handshake: true)),
         (71.35, .warmupStarted(pid: 13, command: ["LVCompare.exe"])),
         (77.55, .warmupEnded(.sawProcess(name: "LabVIEW", pid: 14, seconds: 6.2, warmupRunning: true))),
         (77.6, .stepStarted(name: "compare", pid: 15, command: ["pwsh"])),
         (90.1, .stepEnded(name: "compare", exitCode: 1, seconds: 12.5)),
         (90.1, .stepSkipped(name: "report", .previousStepFailed)),
         (90.3, .invokerStopped(pid: 12, stopped)),
         (90.301, .finished(.stepFailed(index: 0), exitCode: 1))]
    }

    func testTheLastRunIsDrawnAsTheGoldenChart() throws {
        let earlier: [(Double, BootLogEvent)] = [
            (-100, .supervisorStart(version: "0.1.0", pid: 9, config: "/repo/supervisor.json", settings: settings, readyVia: "file", containment: "job-object")),
            (-99, .stepStarted(name: "old", pid: 8, command: ["pwsh"]))]
        let timeline = try XCTUnwrap(RunTimeline.parse(lines: lines(earlier + retriedRun)))
        XCTAssertFalse(timeline.bars.contains { $0.label.contains("old") }, "only the last run")
        let text = TimelineChart.block(timeline)
        let golden = ProvenanceTests.fixtures.appendingPathComponent("summary/timeline.md")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, try String(contentsOf: golden, encoding: .utf8), "summary/timeline.md")
    }

    func testEveryBarEndsWhereItsPhraseSaysAndFailuresAreRed() throws {
        let timeline = try XCTUnwrap(RunTimeline.parse(lines: lines(retriedRun)))
        let start = Int64(t0.timeIntervalSince1970 * 1000)
        let table: [(String, RunTimeline.Section, Int64, Int64, RunTimeline.Mark)] = [
            ("attempt 1 timed out", .boot, 2, 60_004, .crit),
            ("attempt 1 stopped", .boot, 60_031, 60_031, .milestone),
            ("attempt 2 READY via file", .boot, 67_035, 71_347, .done),
            ("handshake 2 ok", .boot, 71_200, 71_347, .done),
            ("warmup saw LabVIEW", .warmup, 71_350, 77_550, .done),
            ("warmup left running", .warmup, 77_550, 77_550, .milestone),
            ("step compare exit 1", .steps, 77_600, 90_100, .crit),
            ("step report skipped (previous_step_failed)", .steps, 90_100, 90_100, .milestone),
            ("invoker stopped", .stop, 90_300, 90_300, .milestone),
            ("finished step_failed", .stop, 90_301, 90_301, .milestone),
        ]
        XCTAssertEqual(timeline.bars.map(\.label), table.map(\.0))
        for (bar, row) in zip(timeline.bars, table) {
            XCTAssertEqual([bar.section.rawValue, "\(bar.start - start)", "\(bar.end - start)", bar.mark.rawValue],
                           [row.1.rawValue, "\(row.2)", "\(row.3)", row.4.rawValue], row.0)
        }
    }

    func testNotReadyCancelAndBarsWithoutAnEnd() throws {
        let events: [(Double, BootLogEvent)] = [
            (0, .supervisorStart(version: "0.1.0", pid: 10, config: "c", settings: settings, readyVia: "tcp", containment: "m")),
            (0.1, .attemptFailed(attempt: 1, .spawnError("pwsh: not found"), retryInSeconds: 7)),
            (7.1, .attemptSpawned(attempt: 2, pid: 12, command: ["pwsh"])),
            (8, .attemptFailed(attempt: 2, .exitedEarly(.exited(code: 1)), retryInSeconds: nil)),
            (8.1, .allAttemptsExhausted(lastError: .exitedEarly(.exited(code: 1)))),
            (8.2, .stepSkipped(name: "compare", .invokerNotReady)),
            (9, .supervisorStart(version: "0.1.0", pid: 20, config: "c", settings: settings, readyVia: "line", containment: "m")),
            (9.5, .attemptSpawned(attempt: 1, pid: 21, command: ["pwsh"])),
            (10, .readyObserved(attempt: 1, elapsed: "0.5", via: "line", handshake: false)),
            (10.5, .stepStarted(name: "long run", pid: 22, command: ["pwsh"])),
            (12, .cancelled(.interrupt)),
        ]
        let all = lines(events)
        let notReady = try XCTUnwrap(RunTimeline.parse(lines: all.prefix(6)))
        XCTAssertEqual(notReady.bars.map(\.label), ["attempt 1 spawn error", "attempt 2 exited early", "not READY",
                                                    "step compare skipped (invoker_not_ready)"])
        XCTAssertEqual(notReady.bars.map(\.failed), [true, false, true, false])

        let cancelled = try XCTUnwrap(RunTimeline.parse(lines: all))
        XCTAssertEqual(cancelled.bars.map(\.label), ["attempt 1 READY via line", "step long run (no end in boot.log)", "cancelled by SIGINT"])
        XCTAssertEqual(cancelled.bars[1].mark, .active)
        XCTAssertEqual(cancelled.bars[1].end, cancelled.bars[2].start, "an open bar ends at the last line")
        XCTAssertNil(RunTimeline.parse(lines: ["[2026-11-26T11:21:29.000Z] attempt#1 spawn pid=1 cmd=x", "not a line"]))
    }

    func testNamesCannotBreakTheChartAndLongRunsStayBounded() throws {
        XCTAssertEqual(TimelineChart.label("step a:b#c;d<script>\u{1B}é"), "step a_b_c_d_script___")
        XCTAssertEqual(TimelineChart.label(""), "_")
        XCTAssertEqual(TimelineChart.label(String(repeating: "x", count: 100)).count, TimelineChart.maxLabelLength)

        var events: [(Double, BootLogEvent)] = [
            (0, .supervisorStart(version: "0.1.0", pid: 10, config: "c", settings: settings, readyVia: "file", containment: "m")),
            (0.1, .attemptSpawned(attempt: 1, pid: 11, command: ["pwsh"])),
            (0.2, .readyObserved(attempt: 1, elapsed: "0.1", via: "file", handshake: false))]
        for index in 0..<300 {
            events.append((1 + Double(index), .stepStarted(name: "s\(index)", pid: 20, command: ["pwsh"])))
            events.append((1.5 + Double(index), .stepEnded(name: "s\(index)", exitCode: 0, seconds: 0.5)))
        }
        events.append((400, .invokerStopped(pid: 11, stopped)))
        let text = TimelineChart.block(try XCTUnwrap(RunTimeline.parse(lines: lines(events))))
        let bars = text.split(separator: "\n").filter { $0.contains(" :") }
        XCTAssertEqual(bars.count, TimelineChart.maxBars)
        XCTAssertTrue(text.contains("step s299 exit 0"), "the last bars are kept")
        XCTAssertTrue(text.hasSuffix("```\n\n- 242 more bars not drawn; every event is in `_invoker/boot.log`.\n\n"), text)
        XCTAssertLessThan(text.utf8.count, 8 * 1024)
    }

    func testTheBootLogIsReadFromItsEnd() throws {
        let scratch = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                                  appropriateFor: FileManager.default.temporaryDirectory, create: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("boot.log").path
        let filler = (0..<5000).map { _ in "[2026-11-26T11:00:00.000Z] snapshot phase=pre-step:x pwsh=0 LVCompare=0 LabVIEW=0" }
        try ((filler + lines(retriedRun)).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(RunTimeline.read(bootLog: path), RunTimeline.parse(lines: lines(retriedRun)))
        XCTAssertNil(RunTimeline.read(bootLog: scratch.appendingPathComponent("absent.log").path))
    }
}
