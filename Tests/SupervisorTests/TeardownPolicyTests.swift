import XCTest
import SupervisorPlatform

/// The one stop policy every platform uses, driven against a scripted tree on a fake clock.
final class TeardownPolicyTests: XCTestCase {
    /// A tree whose members leave when asked (`leavesOnRequest`), ignore it, or appear later.
    final class ScriptedTree: TreeControl {
        var members: [Int32]
        var leavesOnRequest: Set<Int32>
        var killable = true
        var appearsAt: [(time: Double, pid: Int32)] = []
        var clock = 0.0
        var requests: [[Int32]] = []
        var kills = 0
        var looks: [Double] = []
        var killedAt: [Double] = []

        init(members: [Int32], leavesOnRequest: Set<Int32> = []) {
            self.members = members
            self.leavesOnRequest = leavesOnRequest
        }

        func livingMembers() -> [Int32] {
            looks.append(clock)
            for entry in appearsAt where entry.time <= clock && !members.contains(entry.pid) { members.append(entry.pid) }
            appearsAt.removeAll { $0.time <= clock }
            return members
        }

        func requestStop(_ pids: [Int32]) {
            requests.append(pids)
            members.removeAll { pids.contains($0) && leavesOnRequest.contains($0) }
        }

        func kill(_ pids: [Int32]) {
            kills += 1
            killedAt.append(clock)
            if killable { members.removeAll { pids.contains($0) } }
        }
    }

    private func policy(grace: Double, tree: ScriptedTree) -> TeardownPolicy {
        var policy = TeardownPolicy(grace: grace)
        policy.now = { tree.clock }
        policy.pause = { tree.clock += $0 }
        return policy
    }

    func testATreeThatLeavesWhenAskedIsNotKilled() {
        let tree = ScriptedTree(members: [10, 11], leavesOnRequest: [10, 11])
        XCTAssertEqual(policy(grace: 5, tree: tree).run(tree), TreeStopReport(signalled: 2, killed: false, survivors: []))
        XCTAssertEqual(tree.kills, 0)
    }

    func testMembersIgnoringTheRequestAreKilledWhenTheGraceEnds() {
        let tree = ScriptedTree(members: [10, 11], leavesOnRequest: [10])
        let report = policy(grace: 2, tree: tree).run(tree)
        XCTAssertEqual(report, TreeStopReport(signalled: 2, killed: true, survivors: []))
        XCTAssertGreaterThanOrEqual(tree.clock, 2)
        XCTAssertLessThan(tree.clock, 2.1)
    }

    func testTheKillFollowsTheGraceEndWithoutAnotherLook() {
        let tree = ScriptedTree(members: [10, 11])
        let report = policy(grace: 1, tree: tree).run(tree)
        XCTAssertEqual(report, TreeStopReport(signalled: 2, killed: true, survivors: []))
        XCTAssertEqual(tree.killedAt.first ?? -1, 1, accuracy: 1e-9, "killed at the grace's end")
        XCTAssertLessThan(tree.looks.filter { $0 >= 1 }.count, 2, "no look between the grace's end and the kill: only the one after it")
        XCTAssertEqual(tree.looks.last ?? 0, 1 + TeardownPolicy.killLookInterval, accuracy: 1e-9)
    }

    func testAMemberAppearingDuringTheGraceIsAskedToo() {
        let tree = ScriptedTree(members: [10], leavesOnRequest: [12])
        tree.appearsAt = [(0.5, 12)]
        let report = policy(grace: 2, tree: tree).run(tree)
        XCTAssertEqual(tree.requests, [[10], [12]], "the late member got the graceful request once")
        XCTAssertEqual(report, TreeStopReport(signalled: 1, killed: true, survivors: []))
    }

    func testWhatCannotBeKilledIsReportedAsSurvivors() {
        let tree = ScriptedTree(members: [10, 11])
        tree.killable = false
        let report = policy(grace: 1, tree: tree).run(tree)
        XCTAssertEqual(report, TreeStopReport(signalled: 2, killed: true, survivors: [10, 11]))
        XCTAssertGreaterThanOrEqual(tree.clock, 1 + TeardownPolicy.killWait)
    }

    func testAnEmptyTreeIsNotSignalled() {
        let tree = ScriptedTree(members: [])
        XCTAssertEqual(policy(grace: 1, tree: tree).run(tree), TreeStopReport(signalled: 0, killed: false, survivors: []))
        XCTAssertTrue(tree.requests.isEmpty)
    }
}
