import XCTest
@testable import Supervisor

/// steps.ndjson read back: the last record of a step wins, earlier sessions and stray lines are left out.
final class StepLogTests: XCTestCase {
    func testTheLastRecordOfEachStepWinsInStartOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steplog-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = StepLog(folder: folder)
        let file = try AppendFile(path: log.path)
        log.append(.init(name: "old", startedAt: "2026-11-26T10:00:00.000Z"), to: file)
        log.append(.init(name: "compare", startedAt: "2026-11-26T11:00:00.000Z"), to: file)
        log.append(.init(name: "report", startedAt: "2026-11-26T11:00:01.000Z"), to: file)
        file.append("not json\n{\"name\": 3}\n")
        log.append(.init(name: "compare", startedAt: "2026-11-26T11:00:00.000Z", exitCode: 1, durationMs: 900), to: file)
        log.append(.init(name: "compare", startedAt: "2026-11-26T11:00:02.000Z", skipped: .invokerNotReady), to: file)

        let steps = log.read(since: "2026-11-26T11:00:00.000Z")
        XCTAssertEqual(steps, [.init(name: "compare", startedAt: "2026-11-26T11:00:00.000Z", exitCode: 1, durationMs: 900),
                               .init(name: "report", startedAt: "2026-11-26T11:00:01.000Z"),
                               .init(name: "compare", startedAt: "2026-11-26T11:00:02.000Z", skipped: .invokerNotReady)])

        let session = SessionFile(state: .ready, warm: false, openedAt: "2026-11-26T11:00:00.000Z", updatedAt: "x", attempts: 1,
                                  steps: [.init(name: "report", startedAt: "2026-11-26T11:00:01.000Z", exitCode: 0, durationMs: 5)])
        XCTAssertEqual(log.merged(into: session).steps.map(\.name), ["report", "compare", "compare"],
                       "steps session.json already has are kept, the log's others added")
    }
}
