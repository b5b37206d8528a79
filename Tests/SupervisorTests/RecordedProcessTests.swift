import XCTest
@testable import Supervisor
import ProcessProbe

/// A recorded process is alive only with its exact kernel start value; the printed time is not compared.
final class RecordedProcessTests: XCTestCase {
    func testTheKernelStartValueDecidesNotThePrintedTime() throws {
        let me = try XCTUnwrap(ProcessProbe.record(pid: getpid()))
        let recorded = SessionFile.Process(me)
        XCTAssertTrue(recorded.isAlive)
        var shifted = recorded
        shifted.startTime = Timestamp.iso8601(me.startTime.addingTimeInterval(1))  // the boot-time reading moved by a second
        XCTAssertTrue(shifted.isAlive, "a shift in the boot-time reading never makes a live process look gone")
        var reused = recorded
        reused.startKey = String(me.startKey + 1)
        XCTAssertFalse(reused.isAlive, "another start value is another process")
        let older = SessionFile.Process(pid: me.pid, startTime: recorded.startTime, startKey: nil)
        XCTAssertTrue(older.isAlive, "files without startKey compare the start time")
        XCTAssertFalse(SessionFile.Process(pid: me.pid, startTime: "2000-01-01T00:00:00.000Z", startKey: nil).isAlive)
    }
}
