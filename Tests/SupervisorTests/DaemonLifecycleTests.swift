import XCTest
@testable import Supervisor

/// The daemon's restart, backoff and give-up rules as values.
final class DaemonLifecycleTests: XCTestCase {
    func testGeometricDelaysWithCap() {
        var policy = RestartPolicy()
        policy.baseSeconds = 1
        policy.factor = 2
        policy.maxSeconds = 10
        XCTAssertEqual((1...6).map(policy.delay(consecutive:)), [1, 2, 4, 8, 10, 10])
    }

    func testCrashLoopBacksOffThenGivesUp() {
        var policy = RestartPolicy()
        policy.giveUpFailures = 3
        policy.giveUpWindowSeconds = 100
        var daemon = DaemonLifecycle(policy: policy)
        XCTAssertEqual(daemon.begin(), .boot(generation: 1))
        XCTAssertEqual(daemon.bootSucceeded(generation: 1, now: 0), .watch(generation: 1))
        XCTAssertEqual(daemon.invokerLost(generation: 1, reason: "exited code=1", now: 1), .restart(generation: 2, afterSeconds: 1, reason: "exited code=1"))
        XCTAssertEqual(daemon.restartDue(generation: 2), .boot(generation: 2))
        XCTAssertEqual(daemon.bootFailed(generation: 2, reason: "timeout", now: 3), .restart(generation: 3, afterSeconds: 2, reason: "timeout"))
        XCTAssertEqual(daemon.restartDue(generation: 3), .boot(generation: 3))
        XCTAssertEqual(daemon.bootFailed(generation: 3, reason: "timeout", now: 6), .giveUp(reason: "3 failures within 100 s; last: timeout"))
        XCTAssertEqual(daemon.state.phase, .fatal)
        XCTAssertEqual(daemon.restarts, 2)
        XCTAssertEqual(daemon.stopRequested(), .stopAll, "a fatal daemon still stops on a signal")
        XCTAssertEqual(daemon.stopFinished(), .exit)
    }

    func testAStableRunResetsTheDelayAndOldFailuresLeaveTheWindow() {
        var policy = RestartPolicy()
        policy.resetAfterSeconds = 50
        policy.giveUpFailures = 3
        policy.giveUpWindowSeconds = 100
        var daemon = DaemonLifecycle(policy: policy)
        _ = daemon.begin()
        _ = daemon.bootSucceeded(generation: 1, now: 0)
        _ = daemon.invokerLost(generation: 1, reason: "x", now: 10)
        _ = daemon.restartDue(generation: 2)
        _ = daemon.bootSucceeded(generation: 2, now: 11)
        XCTAssertEqual(daemon.invokerLost(generation: 2, reason: "x", now: 20), .restart(generation: 3, afterSeconds: 2, reason: "x"))
        _ = daemon.restartDue(generation: 3)
        _ = daemon.bootSucceeded(generation: 3, now: 22)
        XCTAssertEqual(daemon.invokerLost(generation: 3, reason: "x", now: 200), .restart(generation: 4, afterSeconds: 1, reason: "x"),
                       "stable for 178 s: back to the base delay, and the early failures left the window")
    }

    func testStaleEventsAreIgnored() {
        var daemon = DaemonLifecycle(policy: RestartPolicy())
        _ = daemon.begin()
        _ = daemon.bootSucceeded(generation: 1, now: 0)
        _ = daemon.invokerLost(generation: 1, reason: "exited", now: 1)
        XCTAssertEqual(daemon.invokerLost(generation: 1, reason: "health check failed", now: 1.1), .none, "the same loss seen twice")
        XCTAssertEqual(daemon.restartDue(generation: 1), .none)
        XCTAssertEqual(daemon.bootSucceeded(generation: 1, now: 2), .none)
        XCTAssertEqual(daemon.stopRequested(), .stopAll)
        XCTAssertEqual(daemon.restartDue(generation: 2), .none, "no restart while stopping")
        XCTAssertEqual(daemon.stopRequested(), .none)
    }
}
