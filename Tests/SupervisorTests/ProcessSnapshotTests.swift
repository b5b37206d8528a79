import XCTest
@testable import Supervisor

/// Snapshots as values: what appeared and what is gone, the NDJSON line, the summary section.
final class ProcessSnapshotTests: XCTestCase {
    private let watch = ["pwsh", "LVCompare", "LabVIEW"]
    private let pwsh = ProcessSnapshot.Entry(name: "pwsh", pid: 4012, parentPID: 900, startTime: "2026-11-26T11:21:29.120Z",
                                             commandLine: ["pwsh", "-File", "x.ps1"])
    private let lvcompare = ProcessSnapshot.Entry(name: "LVCompare", pid: 4100, parentPID: 4012, startTime: "2026-11-26T11:21:31.000Z")
    private let labview = ProcessSnapshot.Entry(name: "LabVIEW", pid: 4120, parentPID: 4100, startTime: "2026-11-26T11:21:32.500Z",
                                                windowTitle: "LabVIEW 2025")

    func testFirstSnapshotHasNothingToCompareWith() {
        let snapshot = ProcessSnapshot(phase: "pre-invoker", at: "2026-11-26T11:21:30.000Z", watch: watch, processes: [pwsh], previous: nil)
        XCTAssertEqual(snapshot.appeared, [])
        XCTAssertEqual(snapshot.gone, [])
    }

    func testAppearedAndGoneUsePidAndStartTime() {
        var reused = lvcompare
        reused.startTime = "2026-11-26T11:25:00.000Z"
        let snapshot = ProcessSnapshot(phase: "post-step:compare", at: "2026-11-26T11:25:01.000Z", watch: watch,
                                       processes: [pwsh, reused, labview], previous: [pwsh, lvcompare])
        XCTAssertEqual(snapshot.appeared, [reused, labview], "the same PID with another start time is another process")
        XCTAssertEqual(snapshot.gone, [lvcompare])
        XCTAssertEqual(snapshot.counts.map(\.count), [1, 1, 1])
    }

    func testJSONLineFormat() {
        let snapshot = ProcessSnapshot(phase: "post-warmup", at: "2026-11-26T11:21:33.000Z", watch: watch,
                                       processes: [pwsh, labview], previous: [pwsh, lvcompare])
        XCTAssertEqual(snapshot.jsonLine, #"{"schema":"process-snapshot/v1","phase":"post-warmup","at":"2026-11-26T11:21:33.000Z","#
            + #""watch":["pwsh","LVCompare","LabVIEW"],"processes":[{"name":"pwsh","pid":4012,"ppid":900,"startTime":"2026-11-26T11:21:29.120Z","#
            + #""commandLine":["pwsh","-File","x.ps1"]},{"name":"LabVIEW","pid":4120,"ppid":4100,"startTime":"2026-11-26T11:21:32.500Z","#
            + #""windowTitle":"LabVIEW 2025"}],"appeared":[4120],"gone":[4100]}"#)
        XCTAssertEqual(ProcessSnapshot.entries(fromJSONLine: snapshot.jsonLine), [pwsh, labview])
        XCTAssertNil(ProcessSnapshot.entries(fromJSONLine: #"{"schema":"other/v1","processes":[]}"#))
        XCTAssertNil(ProcessSnapshot.entries(fromJSONLine: "not json"))
    }

    func testJSONLineMatchesTheSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(
            "docs/schemas/process-snapshot-v1.schema.json"))) as? [String: Any])
        let line = ProcessSnapshot(phase: "post-step:compare", at: "2026-11-26T11:21:33.000Z", watch: watch,
                                   processes: [pwsh, labview], previous: [lvcompare]).jsonLine
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(object.keys), Set(try XCTUnwrap(schema["required"] as? [String])))
        XCTAssertEqual(Set(object.keys).subtracting(properties.keys), [])
        let processSchema = try XCTUnwrap((properties["processes"] as? [String: Any])?["items"] as? [String: Any])
        let processKeys = Set(try XCTUnwrap(processSchema["properties"] as? [String: Any]).keys)
        for process in try XCTUnwrap(object["processes"] as? [[String: Any]]) {
            XCTAssertTrue(Set(try XCTUnwrap(processSchema["required"] as? [String])).isSubset(of: process.keys))
            XCTAssertTrue(Set(process.keys).isSubset(of: processKeys))
        }
        let pattern = try XCTUnwrap((properties["at"] as? [String: Any])?["pattern"] as? String)
        XCTAssertNotNil((object["at"] as? String)?.range(of: pattern, options: .regularExpression))
    }

    func testMarkdownSectionKeepsTheSeedShapeAndMarksChanges() {
        let snapshot = ProcessSnapshot(phase: "post-invoker", at: "2026-11-26T11:21:33.000Z", watch: watch,
                                       processes: [pwsh, labview], previous: [pwsh, lvcompare])
        XCTAssertEqual(SnapshotMarkdown.section(snapshot), """
        ### Post-Invoker Process Snapshot

        - `pwsh` (PID 4012)
        - `LabVIEW` (PID 4120) `LabVIEW 2025` (new)
        - `LVCompare` (PID 4100) (gone)


        """)
    }

    func testMarkdownSaysSoWhenNothingRuns() {
        let snapshot = ProcessSnapshot(phase: "pre-invoker", at: "2026-11-26T11:21:33.000Z", watch: watch, processes: [], previous: nil)
        XCTAssertEqual(SnapshotMarkdown.section(snapshot), "### Pre-Invoker Process Snapshot\n\n- No pwsh, LVCompare or LabVIEW process running.\n\n")
    }

    func testPhaseTitles() {
        XCTAssertEqual(SnapshotMarkdown.title(of: "pre-invoker"), "Pre-Invoker")
        XCTAssertEqual(SnapshotMarkdown.title(of: "post-step:compare-all"), "Post-Step compare-all")
        XCTAssertEqual(SnapshotMarkdown.title(of: "post-stop"), "Post-Stop")
        XCTAssertEqual(SnapshotMarkdown.title(of: "post-invoker/warmup"), "Post-Invoker/Warmup", "the seed's single-job heading")
        XCTAssertEqual(SnapshotPhase.preStep(1).name(stepNames: ["a", "b"]), "pre-step:b")
    }

    func testBootLogLine() {
        let snapshot = ProcessSnapshot(phase: "post-warmup", at: "2026-11-26T11:21:33.000Z", watch: watch,
                                       processes: [pwsh, labview], previous: [pwsh, lvcompare])
        XCTAssertEqual(BootLogEvent.snapshot(snapshot).text, "snapshot phase=post-warmup pwsh=1 LVCompare=0 LabVIEW=1 appeared=4120 gone=4100")
    }

    func testJSONStringEscaping() {
        XCTAssertEqual(OrderedJSON.quote("a\"b\\c\n\u{1}é"), #""a\"b\\c\n\u0001é""#)
        XCTAssertEqual(OrderedJSON.object([("b", .integer(1)), ("a", .array([.bool(true), .null, .number(0.5)]))]).text,
                       #"{"b":1,"a":[true,null,0.5]}"#)
    }
}
