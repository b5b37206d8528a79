import XCTest
@testable import Supervisor

/// The order of the session subcommands as pure values.
final class SessionLifecycleTests: XCTestCase {
    private func refusal(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testStartWarmupStepsStop() throws {
        var session = SessionLifecycle()
        XCTAssertEqual(try session.start(), .openSession)
        XCTAssertEqual(session.state, .booting)
        XCTAssertEqual(try session.step(), .skipStep(reason: .invokerNotReady), "a step while start is still booting is skipped")
        try session.bootFinished(ready: true, warm: false, reason: nil)
        XCTAssertEqual(try session.warmup(), .runWarmup)
        session.warmupFinished()
        XCTAssertTrue(session.warm)
        XCTAssertEqual(try session.step(), .runStep)
        XCTAssertEqual(try session.step(), .runStep)
        XCTAssertEqual(session.stop(), .stopInvoker)
        XCTAssertEqual(session.state, .stopped)
        XCTAssertEqual(session.stop(), .alreadyStopped)
    }

    func testOutOfOrderCallsAreRefusedWithTheState() {
        var session = SessionLifecycle()
        XCTAssertEqual(refusal { try session.warmup() },
                       "'warmup' is refused: the session is absent (no session.json); run 'invoker-supervisor start' first.")
        XCTAssertEqual(refusal { try session.step() },
                       "'step' is refused: the session is absent (no session.json); run 'invoker-supervisor start' first.")
        XCTAssertEqual(session.stop(), .alreadyStopped, "stop without a session is fine")
        _ = try? session.start()
        XCTAssertEqual(refusal { try session.start() },
                       "'start' is refused: the session is booting; run 'invoker-supervisor stop' first, or use another --results-dir.")
        XCTAssertNotNil(refusal { try session.warmup() }, "no warmup before READY")
    }

    func testFailedStartSkipsStepsAndRefusesWarmup() throws {
        var session = SessionLifecycle()
        _ = try session.start()
        try session.bootFinished(ready: false, warm: false, reason: .timeout)
        XCTAssertEqual(session.reason, .timeout)
        XCTAssertEqual(refusal { try session.warmup() },
                       "'warmup' is refused: the session is notReady; the warmup runs only after READY was observed.")
        XCTAssertEqual(try session.step(), .skipStep(reason: .invokerNotReady))
        XCTAssertEqual(try session.start(), .openSession, "a new start may follow a failed one")
    }

    func testStepAfterStopIsRefused() throws {
        var session = SessionLifecycle(state: .ready)
        _ = session.stop()
        XCTAssertEqual(refusal { try session.step() }, "'step' is refused: the session is stopped; steps run between 'start' and 'stop'.")
        XCTAssertNotNil(refusal { try session.warmup() })
    }

    func testDeadInvokerIsReportedNotReady() throws {
        var session = SessionLifecycle(state: .ready, warm: true)
        try session.invokerFoundDead()
        XCTAssertEqual(session.state, .invokerExited)
        XCTAssertEqual(try session.step(), .skipStep(reason: .invokerExited))
        XCTAssertNotNil(refusal { try session.warmup() })
        XCTAssertEqual(refusal { try session.invokerFoundDead() },
                       "session event 'invokerFoundDead' is not allowed in state 'invokerExited'; this is a supervisor bug, please report it with boot.log and session.json.")
        XCTAssertEqual(try session.start(), .openSession, "a new start may replace a session whose invoker died")
    }

    func testAbandonedStartBecomesNotReady() throws {
        var session = SessionLifecycle(state: .booting)
        try session.bootAbandoned()
        XCTAssertEqual(session.state, .notReady)
        XCTAssertEqual(session.reason, .startInterrupted)
        XCTAssertNotNil(refusal { try session.bootFinished(ready: true, warm: false, reason: nil) })
    }
}
