#if os(Linux)
import Foundation
import XCTest
import ProcessProbe

/// The /proc backend against real processes.
final class ProcessProbeLinuxTests: XCTestCase {
    func testFindsOwnProcessWithIdentity() throws {
        let me = ProcessInfo.processInfo.processIdentifier
        let record = try XCTUnwrap(ProcessProbe.record(pid: me))
        XCTAssertEqual(record.pid, me)
        XCTAssertEqual(record.parentPID, getppid())
        XCTAssertLessThan(abs(record.startTime.timeIntervalSinceNow), 24 * 3600)
        XCTAssertTrue(ProcessProbe.isAlive(record.identity))
        XCTAssertFalse(ProcessProbe.isAlive(ProcessIdentity(pid: me, startTime: record.startTime.addingTimeInterval(-1))),
                       "same PID with another start time is a different process")
    }

    func testListsEveryProcessIncludingThisOne() {
        let all = ProcessProbe.listProcesses()
        XCTAssertTrue(all.contains { $0.pid == ProcessInfo.processInfo.processIdentifier })
        XCTAssertTrue(all.contains { $0.pid == 1 })
        XCTAssertEqual(all.map(\.pid), all.map(\.pid).sorted())
    }

    func testFindsAChildByNameAndForgetsItOnceReaped() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer { child.terminate() }
        let found = ProcessProbe.processes(named: ["SLEEP.exe"]).filter { $0.pid == child.processIdentifier }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.commandLine, ["/bin/sleep", "30"])
        child.terminate()
        child.waitUntilExit()
        XCTAssertNil(ProcessProbe.record(pid: child.processIdentifier))
    }
}
#endif
