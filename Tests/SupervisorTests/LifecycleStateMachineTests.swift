import XCTest
import SupervisorPlatform
@testable import Supervisor

/// The lifecycle as pure values: tables of events and the action each must produce.
final class LifecycleStateMachineTests: XCTestCase {
    private typealias Step = (event: Event, expect: LifecycleAction)

    private enum Event {
        case start, spawned(Int), spawnFailed(Int), ready(Int), handshake(Int, Bool), timedOut(Int)
        case exited(Int, ProcessExit), attemptStopped(Int), delayElapsed(Int), warmupDone
        case stepDone(Int, Int32), invokerStopped, cancel(CancelSignal), cancelDone
    }

    private func send(_ event: Event, to machine: inout LifecycleStateMachine) throws -> LifecycleAction {
        switch event {
        case .start: return try machine.start()
        case .spawned(let n): return try machine.invokerSpawned(attempt: n)
        case .spawnFailed(let n): return try machine.spawnFailed(attempt: n, message: "no such file")
        case .ready(let n): return try machine.readyObserved(attempt: n)
        case .handshake(let n, let ok): return try machine.handshakeFinished(attempt: n, succeeded: ok, detail: "code=1")
        case .timedOut(let n): return try machine.attemptTimedOut(attempt: n)
        case .exited(let n, let exit): return try machine.invokerExited(attempt: n, exit: exit)
        case .attemptStopped(let n): return try machine.attemptStopped(attempt: n)
        case .delayElapsed(let n): return try machine.delayElapsed(nextAttempt: n)
        case .warmupDone: return try machine.warmupFinished()
        case .stepDone(let i, let code): return try machine.stepFinished(index: i, exitCode: code)
        case .invokerStopped: return try machine.invokerStopped()
        case .cancel(let signal): return machine.cancelRequested(signal)
        case .cancelDone: return try machine.cancelCompleted()
        }
    }

    private func check(_ policy: LifecyclePolicy, _ table: [Step], file: StaticString = #filePath, line: UInt = #line) throws {
        var machine = LifecycleStateMachine(policy: policy)
        for (number, step) in table.enumerated() {
            let action = try send(step.event, to: &machine)
            XCTAssertEqual(action, step.expect, "row \(number): \(step.event) in the table", file: file, line: line)
        }
    }

    // Actions with the snapshots the machine puts around them.
    private let begin = LifecycleAction.snapshot(.preInvoker, then: .spawnInvoker(attempt: 1))
    private func ready(_ n: Int, _ next: LifecycleAction) -> LifecycleAction {
        .declareReady(attempt: n, then: .snapshot(.postInvoker, then: next))
    }
    private func step(_ index: Int) -> LifecycleAction { .snapshot(.preStep(index), then: .runStep(index: index)) }
    private func afterStep(_ index: Int, _ next: LifecycleAction) -> LifecycleAction { .snapshot(.postStep(index), then: next) }
    private func afterWarmup(_ next: LifecycleAction) -> LifecycleAction { .snapshot(.postWarmup, then: next) }
    private func end(_ outcome: Outcome) -> LifecycleAction { .snapshot(.postStop, then: .finish(outcome)) }
    private func notReady(_ failure: AttemptFailure, _ attempts: Int) -> LifecycleAction {
        .snapshot(.postInvoker, then: .finish(.notReady(lastFailure: failure, attempts: attempts)))
    }

    private let full = LifecyclePolicy(settings: BootSettings(attempts: 3, delaySeconds: 7, timeoutSeconds: 60), hasWarmup: true, stepCount: 2)

    // MARK: - Happy paths

    func testReadyThenWarmupThenStepsThenStop() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), ready(1, .runWarmup)),
            (.warmupDone, afterWarmup(step(0))),
            (.stepDone(0, 0), afterStep(0, step(1))),
            (.stepDone(1, 0), afterStep(1, .stopInvoker)),
            (.exited(1, .signalled(signal: 15)), .none),
            (.invokerStopped, end(.succeeded)),
        ])
    }

    func testWithoutWarmupOrStepsReadyGoesStraightToStop() throws {
        try check(LifecyclePolicy(settings: BootSettings(attempts: 1, delaySeconds: 0, timeoutSeconds: 5)), [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 5)),
            (.ready(1), ready(1, .stopInvoker)),
            (.invokerStopped, end(.succeeded)),
        ])
    }

    func testKeepInvokerFinishesWithoutStopping() throws {
        try check(LifecyclePolicy(settings: BootSettings(attempts: 1, delaySeconds: 0, timeoutSeconds: 5), stepCount: 1, keepInvoker: true), [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 5)),
            (.ready(1), ready(1, step(0))),
            (.stepDone(0, 0), afterStep(0, .finish(.succeeded))),
        ])
    }

    func testHandshakeMustSucceedBeforeReadyCounts() throws {
        var policy = full
        policy.hasHandshake = true
        try check(policy, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), .runHandshake(attempt: 1)),
            (.timedOut(1), .none),
            (.handshake(1, false), .stopAttempt(attempt: 1, failure: .handshakeFailed("code=1"), retryInSeconds: 7)),
            (.attemptStopped(1), .waitBeforeRetry(nextAttempt: 2, delaySeconds: 7)),
            (.delayElapsed(2), .spawnInvoker(attempt: 2)),
            (.spawned(2), .awaitReady(attempt: 2, timeoutSeconds: 60)),
            (.ready(2), .runHandshake(attempt: 2)),
            (.handshake(2, true), ready(2, .runWarmup)),
        ])
    }

    // MARK: - Retries and not READY

    func testTimeoutsRetryThenGiveUpWithNotReady() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.timedOut(1), .stopAttempt(attempt: 1, failure: .timedOut(seconds: 60), retryInSeconds: 7)),
            (.attemptStopped(1), .waitBeforeRetry(nextAttempt: 2, delaySeconds: 7)),
            (.delayElapsed(2), .spawnInvoker(attempt: 2)),
            (.spawned(2), .awaitReady(attempt: 2, timeoutSeconds: 60)),
            (.timedOut(2), .stopAttempt(attempt: 2, failure: .timedOut(seconds: 60), retryInSeconds: 7)),
            (.attemptStopped(2), .waitBeforeRetry(nextAttempt: 3, delaySeconds: 7)),
            (.delayElapsed(3), .spawnInvoker(attempt: 3)),
            (.spawned(3), .awaitReady(attempt: 3, timeoutSeconds: 60)),
            (.timedOut(3), .stopAttempt(attempt: 3, failure: .timedOut(seconds: 60), retryInSeconds: nil)),
            (.attemptStopped(3), notReady(.timedOut(seconds: 60), 3)),
        ])
    }

    func testEarlyExitAndPlatformErrorAreRetriedLikeTimeouts() throws {
        try check(LifecyclePolicy(settings: BootSettings(attempts: 2, delaySeconds: 1, timeoutSeconds: 60), hasWarmup: true), [
            (.start, begin),
            (.spawnFailed(1), .stopAttempt(attempt: 1, failure: .spawnError("no such file"), retryInSeconds: 1)),
            (.attemptStopped(1), .waitBeforeRetry(nextAttempt: 2, delaySeconds: 1)),
            (.delayElapsed(2), .spawnInvoker(attempt: 2)),
            (.spawned(2), .awaitReady(attempt: 2, timeoutSeconds: 60)),
            (.exited(2, .exited(code: 7)), .stopAttempt(attempt: 2, failure: .exitedEarly(.exited(code: 7)), retryInSeconds: nil)),
            (.attemptStopped(2), notReady(.exitedEarly(.exited(code: 7)), 2)),
        ])
    }

    // MARK: - Races

    func testReadyAfterTimeoutIsIgnored() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.timedOut(1), .stopAttempt(attempt: 1, failure: .timedOut(seconds: 60), retryInSeconds: 7)),
            (.ready(1), .none),
            (.attemptStopped(1), .waitBeforeRetry(nextAttempt: 2, delaySeconds: 7)),
            (.exited(1, .signalled(signal: 15)), .none),
            (.ready(1), .none),
            (.delayElapsed(2), .spawnInvoker(attempt: 2)),
            (.spawned(2), .awaitReady(attempt: 2, timeoutSeconds: 60)),
            (.timedOut(1), .none),
            (.ready(2), ready(2, .runWarmup)),
        ])
    }

    func testTimeoutAfterReadyAndSecondReadyAreIgnored() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), ready(1, .runWarmup)),
            (.timedOut(1), .none),
            (.ready(1), .none),
            (.warmupDone, afterWarmup(step(0))),
        ])
    }

    func testExitAfterReadyIsNotedOnceAndTheSequenceGoesOn() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), ready(1, .runWarmup)),
            (.exited(1, .exited(code: 0)), .noteInvokerExit(.exited(code: 0))),
            (.warmupDone, afterWarmup(step(0))),
            (.exited(1, .exited(code: 0)), .none),
            (.stepDone(0, 0), afterStep(0, step(1))),
        ])
    }

    func testExitDuringHandshakeFailsTheAttemptAndLateHandshakeIsIgnored() throws {
        var policy = full
        policy.hasHandshake = true
        try check(policy, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), .runHandshake(attempt: 1)),
            (.exited(1, .exited(code: 1)), .stopAttempt(attempt: 1, failure: .exitedEarly(.exited(code: 1)), retryInSeconds: 7)),
            (.handshake(1, true), .none),
        ])
    }

    func testFailedStepEndsTheSequenceWithStepFailed() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.ready(1), ready(1, .runWarmup)),
            (.warmupDone, afterWarmup(step(0))),
            (.stepDone(0, 2), afterStep(0, .stopInvoker)),
            (.invokerStopped, end(.stepFailed(index: 0))),
        ])
    }

    // MARK: - Cancel in every state

    func testCancelInEveryStateStopsAndFinishesCancelled() throws {
        let prefixes: [[Event]] = [
            [],
            [.start],
            [.start, .spawned(1)],
            [.start, .spawned(1), .timedOut(1)],
            [.start, .spawned(1), .timedOut(1), .attemptStopped(1)],
            [.start, .spawned(1), .ready(1)],
            [.start, .spawned(1), .ready(1), .warmupDone],
            [.start, .spawned(1), .ready(1), .warmupDone, .stepDone(0, 0), .stepDone(1, 0)],
        ]
        for prefix in prefixes {
            var machine = LifecycleStateMachine(policy: full)
            for event in prefix { _ = try send(event, to: &machine) }
            let state = machine.state.description
            XCTAssertEqual(machine.cancelRequested(.terminate), .cancel(.terminate), "cancel in \(state)")
            XCTAssertEqual(machine.cancelRequested(.interrupt), .none, "second cancel in \(state)")
            XCTAssertEqual(try machine.cancelCompleted(), end(.cancelled(.terminate)), "after cancel in \(state)")
            XCTAssertEqual(machine.cancelRequested(.terminate), .none, "cancel after finish from \(state)")
        }
    }

    func testEventsInFlightDuringCancelAreIgnored() throws {
        try check(full, [
            (.start, begin),
            (.spawned(1), .awaitReady(attempt: 1, timeoutSeconds: 60)),
            (.timedOut(1), .stopAttempt(attempt: 1, failure: .timedOut(seconds: 60), retryInSeconds: 7)),
            (.cancel(.interrupt), .cancel(.interrupt)),
            (.attemptStopped(1), .none),
            (.ready(1), .none),
            (.cancelDone, end(.cancelled(.interrupt))),
        ])
    }

    // MARK: - Illegal orders

    func testWarmupBeforeReadyIsRefused() throws {
        var machine = LifecycleStateMachine(policy: full)
        _ = try machine.start()
        _ = try machine.invokerSpawned(attempt: 1)
        XCTAssertThrowsError(try machine.warmupFinished()) { error in
            XCTAssertEqual(error as? LifecycleError, .illegalEvent(event: "warmupFinished", state: "awaitingReady(attempt 1)"))
        }
        XCTAssertThrowsError(try machine.stepFinished(index: 0, exitCode: 0))
    }

    func testIllegalOrdersThrowInsteadOfDoingNothing() throws {
        var machine = LifecycleStateMachine(policy: full)
        XCTAssertThrowsError(try machine.invokerSpawned(attempt: 1))
        XCTAssertThrowsError(try machine.readyObserved(attempt: 1), "READY from an attempt that never started")
        _ = try machine.start()
        XCTAssertThrowsError(try machine.start())
        XCTAssertThrowsError(try machine.invokerExited(attempt: 1, exit: .exited(code: 0)), "exit before spawn reported")
        _ = try machine.invokerSpawned(attempt: 1)
        XCTAssertThrowsError(try machine.readyObserved(attempt: 2), "READY from a future attempt")
        XCTAssertThrowsError(try machine.delayElapsed(nextAttempt: 2))
        XCTAssertThrowsError(try machine.invokerStopped())
        XCTAssertThrowsError(try machine.cancelCompleted())
    }

    func testErrorMessageNamesEventAndState() {
        let error = LifecycleError.illegalEvent(event: "warmupFinished", state: "idle")
        XCTAssertTrue(error.description.contains("'warmupFinished'"))
        XCTAssertTrue(error.description.contains("'idle'"))
    }

    // MARK: - Exit codes

    func testExitCodes() {
        XCTAssertEqual(ExitCode.of(.succeeded, onNotReady: .fail), 0)
        XCTAssertEqual(ExitCode.of(.stepFailed(index: 0), onNotReady: .skip), 1)
        XCTAssertEqual(ExitCode.of(.notReady(lastFailure: .timedOut(seconds: 1), attempts: 1), onNotReady: .skip), 0)
        XCTAssertEqual(ExitCode.of(.notReady(lastFailure: .timedOut(seconds: 1), attempts: 1), onNotReady: .fail), 3)
        XCTAssertEqual(ExitCode.of(.cancelled(.interrupt), onNotReady: .skip), 130)
        XCTAssertEqual(ExitCode.of(.cancelled(.terminate), onNotReady: .skip), 143)
    }
}
