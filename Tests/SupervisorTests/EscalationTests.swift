import XCTest
@testable import Supervisor

/// Escalation math as values: the level table of docs/escalation.md.
final class EscalationTests: XCTestCase {
    private let base = BootSettings(attempts: 3, delaySeconds: 7, timeoutSeconds: 60)

    func testLevelsFromConsecutiveTimeouts() {
        let policy = EscalationPolicy()
        XCTAssertEqual((0...5).map { policy.level(consecutiveTimeouts: $0) }, [0, 0, 1, 2, 3, 4])
    }

    func testDocumentedTable() {
        let policy = EscalationPolicy()
        let table = (0...5).map { policy.settings(base: base, level: $0) }
        XCTAssertEqual(table, [
            BootSettings(attempts: 3, delaySeconds: 7, timeoutSeconds: 60),
            BootSettings(attempts: 4, delaySeconds: 14, timeoutSeconds: 90),
            BootSettings(attempts: 5, delaySeconds: 28, timeoutSeconds: 135),
            BootSettings(attempts: 6, delaySeconds: 56, timeoutSeconds: 202.5),
            BootSettings(attempts: 6, delaySeconds: 60, timeoutSeconds: 300),
            BootSettings(attempts: 6, delaySeconds: 60, timeoutSeconds: 300),
        ])
    }

    func testCapsNeverLowerTheConfiguredBase() {
        var policy = EscalationPolicy()
        policy.maxAttempts = 2
        policy.maxTimeoutSeconds = 30
        XCTAssertEqual(policy.settings(base: base, level: 3), BootSettings(attempts: 3, delaySeconds: 56, timeoutSeconds: 60))
    }

    func testZeroDelayStaysZero() {
        XCTAssertEqual(EscalationPolicy().settings(base: BootSettings(attempts: 1, delaySeconds: 0, timeoutSeconds: 60), level: 2).delaySeconds, 0)
    }
}
