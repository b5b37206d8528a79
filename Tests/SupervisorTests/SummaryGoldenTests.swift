import XCTest
@testable import Supervisor
import ProcessProbe

/// The ordered summary in each of its shapes, held to golden files in Tests/Fixtures/summary.
/// After a deliberate format change (and docs/summary.md with it): UPDATE_GOLDEN=1 swift test --filter SummaryGoldenTests.
final class SummaryGoldenTests: XCTestCase {
    private let environment = [
        "GITHUB_REPOSITORY": "LabVIEW-Community-CI-CD/compare-vi-cli-action", "GITHUB_WORKFLOW": "ci-orchestrated",
        "GITHUB_EVENT_NAME": "workflow_dispatch", "GITHUB_RUN_ID": "19638765432", "GITHUB_RUN_ATTEMPT": "1",
        "GITHUB_REF": "refs/heads/issue/87-invoker-ready-race", "GITHUB_REF_NAME": "issue/87-invoker-ready-race",
        "GITHUB_SHA": "72ac5396aabbccddeeff00112233445566778899", "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_WORKFLOW_REF": "LabVIEW-Community-CI-CD/compare-vi-cli-action/.github/workflows/ci-orchestrated.yml@refs/heads/issue/87-invoker-ready-race",
        "GITHUB_EVENT_PATH": ProvenanceTests.fixtures.appendingPathComponent("events/workflow_dispatch.json").path,
    ]

    private func record(_ outcome: Outcome) throws -> RunRecord {
        let json = #"{"invoker":{"command":["pwsh"]},"ready":{"file":"tests/results/_invoker/ready.json"},"warmup":{"command":["LVCompare.exe"]},"steps":[{"name":"compare","command":["pwsh"]},{"name":"report","command":["pwsh"]}]}"#
        let config = try ConfigLoader.parse(JSONParser.parse(Array(json.utf8)), file: "/repo/supervisor.json",
                                            overrides: ConfigOverrides(), currentDirectory: "/repo")
        var record = RunRecord(config: config)
        record.outcome = outcome
        if case .notReady = outcome { return record }
        record.readyAttempt = 1
        record.readyElapsedSeconds = 4.312
        record.warmup = .sawProcess(name: "LabVIEW", pid: 4120, seconds: 6.2, warmupRunning: true)
        if case .cancelled = outcome { return record }
        record.steps = [.init(name: "compare", exit: .exited(code: 1), seconds: 12.5, note: nil)]
        return record
    }

    private let snapshots: [ProcessSnapshot] = {
        let pwsh = ProcessSnapshot.Entry(name: "pwsh", pid: 4012, parentPID: 900, startTime: "2026-11-26T11:21:29.120Z")
        let lvcompare = ProcessSnapshot.Entry(name: "LVCompare", pid: 4100, parentPID: 1, startTime: "2026-11-26T11:21:33.000Z")
        let labview = ProcessSnapshot.Entry(name: "LabVIEW", pid: 4120, parentPID: 4100, startTime: "2026-11-26T11:21:34.500Z",
                                            windowTitle: "LabVIEW 2025")
        let pre = ProcessSnapshot(phase: "pre-invoker", at: "2026-11-26T11:21:29.000Z", watch: ProcessProbe.defaultWatch, processes: [], previous: nil)
        let post = ProcessSnapshot(phase: "post-warmup", at: "2026-11-26T11:21:40.000Z", watch: ProcessProbe.defaultWatch,
                                   processes: [pwsh, lvcompare, labview], previous: [])
        let stop = ProcessSnapshot(phase: "post-stop", at: "2026-11-26T11:22:00.000Z", watch: ProcessProbe.defaultWatch,
                                   processes: [lvcompare, labview], previous: [pwsh, lvcompare, labview])
        return [pre, post, stop]
    }()

    private func check(_ name: String, _ record: RunRecord, outcome: CompareOutcome?, snapshots: [ProcessSnapshot]) throws {
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 1_795_692_089),
                                    machine: "runner-host")
        let text = OrderedSummary(provenance: provenance, invoker: RunSummary.bootBlock(record), snapshots: SummarySnapshots(snapshots),
                                  outcome: outcome, runURL: OrderedSummary.runURL(environment), workflow: .from(environment)).markdown()
        let golden = ProvenanceTests.fixtures.appendingPathComponent("summary/\(name).md")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, try String(contentsOf: golden, encoding: .utf8), "summary/\(name).md")
    }

    func testReadyWithACompareDiff() throws {
        var diff = CompareOutcome()
        diff.status = .ok
        diff.source = .compareExec
        diff.file = "tests/results/drift/compare-exec.json"
        diff.diff = true
        diff.exitCode = 1
        diff.durationMs = 1234.567
        diff.cliPath = "C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe"
        diff.command = "\"C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe\" \"VI1.vi\" \"VI2.vi\""
        diff.compareExec = .init(status: "ok", reason: nil, path: diff.file, exitCode: 1, diff: true)
        try check("ready-diff", try record(.stepFailed(index: 0)), outcome: diff, snapshots: snapshots)
    }

    func testReadyWithoutCompareExec() throws {
        try check("ready-no-exec", try record(.stepFailed(index: 0)), outcome: .missing(.expected), snapshots: snapshots)
    }

    func testNotReady() throws {
        try check("not-ready", try record(.notReady(lastFailure: .timedOut(seconds: 60), attempts: 3)),
                  outcome: .missing(.invokerNotReady), snapshots: Array(snapshots.prefix(1)))
    }

    func testCancelled() throws {
        try check("cancelled", try record(.cancelled(.terminate)), outcome: .missing(.skippedByPolicy), snapshots: snapshots)
    }

    func testLongSnapshotListsAreCutAtWholeLinesUnderTheLimit() throws {
        let many = (0..<300).map { ProcessSnapshot.Entry(name: "pwsh", pid: Int32(1000 + $0), parentPID: 1, startTime: "2026-11-26T11:21:29.000Z") }
        let sections = (0..<200).map { ProcessSnapshot(phase: "post-step:s\($0)", at: "2026-11-26T11:21:29.000Z", watch: ["pwsh"], processes: many, previous: nil) }
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 1_795_692_089),
                                    machine: "runner-host")
        let text = OrderedSummary(provenance: provenance, invoker: RunSummary.bootBlock(try record(.succeeded)), snapshots: SummarySnapshots(sections),
                                  outcome: nil, runURL: nil).markdown(limit: 64 * 1024)
        XCTAssertLessThanOrEqual(text.utf8.count, 64 * 1024)
        XCTAssertTrue(text.contains("- … and 250 more (see `_invoker/snapshots.ndjson`)\n"))
        XCTAssertTrue(text.contains(" more snapshot sections not shown; see `_invoker/snapshots.ndjson`.\n"))
        XCTAssertTrue(text.contains("### Post-Step s199 Process Snapshot"), "the last section is always kept")
        XCTAssertTrue(text.hasSuffix("### Re-run With Same Inputs\n\n$ `/run orchestrated strategy=single include_integration=false sample_id=pr42-20261126-110312-3f9a`\n\n- This run: not in GitHub Actions (GITHUB_RUN_ID is not set)\n\n"), text)
    }

    func testHoldingOnlyTheSnapshotsASummaryCanShowGivesTheSameSummary() throws {
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date(timeIntervalSince1970: 1_795_692_089),
                                    machine: "runner-host")
        let invoker = RunSummary.bootBlock(try record(.succeeded))
        for (count, processes) in [(3, 2), (400, 5), (1500, 1)] {
            let all = (0..<count).map { index in
                ProcessSnapshot(phase: "post-step:s\(index)", at: "2026-11-26T11:21:29.000Z", watch: ["pwsh"],
                                processes: (0..<processes).map { ProcessSnapshot.Entry(name: "pwsh", pid: Int32(index * 10 + $0), parentPID: 1,
                                                                                          startTime: "2026-11-26T11:21:29.000Z") },
                                previous: nil)
            }
            let held = SummarySnapshots(all, limit: 32 * 1024)
            let everything = SummarySnapshots(all, limit: .max)
            XCTAssertEqual(everything.sections.count, count)
            let full = OrderedSummary(provenance: provenance, invoker: invoker, snapshots: everything, outcome: nil, runURL: nil).markdown(limit: 32 * 1024)
            let bounded = OrderedSummary(provenance: provenance, invoker: invoker, snapshots: held, outcome: nil, runURL: nil).markdown(limit: 32 * 1024)
            XCTAssertEqual(bounded, full, "\(count) snapshots")
            XCTAssertEqual(held.first.count + held.leftOut + (held.latest == nil ? 0 : 1), count)
            if count == 1500 { XCTAssertGreaterThan(held.leftOut, 500, "only what fits the limit is held") }
        }
    }

    func testRerunDefaultsAreTheCommentParsersWhenInputsAreUnknown() {
        let provenance = Provenance(environment: [:], payload: .unavailable("none"), now: Date(timeIntervalSince1970: 0), machine: "h")
        let summary = OrderedSummary(provenance: provenance, invoker: "", snapshots: SummarySnapshots(), outcome: nil, runURL: nil)
        XCTAssertTrue(summary.rerun.hasPrefix("### Re-run With Same Inputs\n\n$ `/run orchestrated strategy=matrix include_integration=true sample_id=<id>`\n"), summary.rerun)
    }
}
