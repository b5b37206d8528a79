import XCTest
import SupervisorPlatform
@testable import Supervisor

import ProcessProbe

/// Tree membership decided from a process table, as plain values.
final class TreeMembersTests: XCTestCase {
    private func stat(_ pid: Int32, parent: Int32, group: Int32, start: UInt64, state: Character = "S") -> ProcStat {
        ProcStat.parse("\(pid) (p) \(state) \(parent) \(group) 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 \(start)")!
    }

    func testGroupDescendantsAndMarkedProcessesButNeverOlderOnes() {
        let table = [
            stat(1, parent: 0, group: 1, start: 1),
            stat(50, parent: 1, group: 50, start: 900),                  // older process whose PID a child's parent link could name
            stat(100, parent: 1, group: 100, start: 1000),               // the leader
            stat(101, parent: 100, group: 100, start: 1001),             // in the group
            stat(102, parent: 101, group: 102, start: 1002),             // left the group, still a descendant
            stat(103, parent: 1, group: 103, start: 1003),               // double-forked orphan, found by its mark
            stat(104, parent: 103, group: 103, start: 1004),             // its child
            stat(105, parent: 1, group: 105, start: 1005),               // a stranger started later
            stat(106, parent: 100, group: 100, start: 1006, state: "Z"), // a zombie
            stat(40, parent: 1, group: 100, start: 10),                  // an old process in a reused group id
        ]
        let tree = ProcessTreeID(leader: 100, jobName: nil, mark: "m", notBeforeTicks: 1000)
        var asked: [Int32] = []
        let members = TreeMembers.select(from: table, tree: tree, excluding: 999) { pid in
            asked.append(pid)
            return pid == 103
        }
        XCTAssertEqual(members.map(\.pid), [100, 101, 102, 103, 104])
        XCTAssertEqual(asked, [103, 105], "the mark is read only for later processes not already members")
    }

    func testParsingIsByBytesSoANameCannotShiftTheFields() {
        let forged = "4242 (x) Z 9 9 \u{0600}) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 20 0 1 0 0 777 0 0"
        let stat = ProcStat.parse(forged)
        XCTAssertEqual(stat?.state, "S")
        XCTAssertEqual(stat?.parentPID, 1)
        XCTAssertEqual(stat?.startTicks, 777)
        XCTAssertEqual(stat?.comm, "x) Z 9 9 \u{0600}")
        XCTAssertNil(ProcStat.parse(bytes: Array("1 (a) S 1 1".utf8)))
        XCTAssertNil(ProcStat.parse(bytes: Array("1 (a)S 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 5".utf8)))
    }
}
