import XCTest
@testable import Supervisor

/// The adaptive READY timeout as values: percentile, margin, bounds, the fallback, the config forms.
final class AdaptiveTimeoutTests: XCTestCase {
    func testNearestRankPercentiles() {
        let values = (1...100).map(Double.init).shuffled()
        XCTAssertEqual(AdaptiveTimeout.percentile(99, of: values), 99)
        XCTAssertEqual(AdaptiveTimeout.percentile(50, of: values), 50)
        XCTAssertEqual(AdaptiveTimeout.percentile(100, of: values), 100)
        XCTAssertEqual(AdaptiveTimeout.percentile(99, of: [3, 1, 2]), 3)
        XCTAssertEqual(AdaptiveTimeout.percentile(1, of: [3, 1, 2]), 1)
        XCTAssertNil(AdaptiveTimeout.percentile(99, of: []))
    }

    func testDecisionsTable() {
        var policy = AdaptiveTimeout()
        let boots37 = (0..<36).map { _ in 12.0 } + [28]
        let table: [([Double], Double, String)] = [
            ([], 60, "to=60 (auto: 0 of 10 boots known; configured value)"),
            (Array(repeating: 5, count: 9), 60, "to=60 (auto: 9 of 10 boots known; configured value)"),
            (boots37, 42, "to=42 (auto: p99 28 s × 1.5 over 37 boots)"),
            (Array(repeating: 0.3, count: 12), 10, "to=10 (auto: p99 0.3 s × 1.5 over 12 boots, raised to the floor)"),
            (Array(repeating: 250, count: 12), 300, "to=300 (auto: p99 250 s × 1.5 over 12 boots, lowered to the ceiling)"),
            (Array(repeating: 7.0001, count: 10), 10.501, "to=10.501 (auto: p99 7 s × 1.5 over 10 boots)"),
        ]
        for (boots, timeout, reason) in table {
            XCTAssertEqual(policy.decide(bootSeconds: boots, fallback: 60), .init(timeoutSeconds: timeout, reason: reason))
        }
        policy.percentile = 90
        policy.margin = 2
        policy.minBoots = 1
        policy.floorSeconds = 1
        XCTAssertEqual(policy.decide(bootSeconds: [4], fallback: 60).reason, "to=8 (auto: p90 4 s × 2 over 1 boots)")
    }

    func testBootTimesKeepTheLastBootsAndCountEveryOutcome() {
        var times = BootTimes(repository: "o/r", branch: "main", host: "h")
        for index in 0..<(BootTimes.keep + 5) {
            times.record("ready", ready: .init(at: "t", seconds: Double(index), attempt: 1))
        }
        times.record("timeout", ready: nil)
        times.record("cancelled", ready: nil)
        XCTAssertEqual(times.boots.count, BootTimes.keep)
        XCTAssertEqual(times.boots.first?.seconds, 5)
        XCTAssertEqual(times.results, ["ready": BootTimes.keep + 5, "timeout": 1, "cancelled": 1])
        XCTAssertEqual(times.successRate ?? 0, Double(BootTimes.keep + 5) / Double(BootTimes.keep + 6), accuracy: 1e-9)
    }

    private func parse(_ extra: String) throws -> SupervisorConfig {
        let json = #"{"invoker": {"command": ["pwsh"]}, "ready": {"line": "READY"}"# + extra + "}"
        return try ConfigLoader.parse(JSONParser.parse(Array(json.utf8)), file: "/repo/c.json", overrides: ConfigOverrides(), currentDirectory: "/repo")
    }

    func testConfigForms() throws {
        XCTAssertNil(try parse("").adaptiveTimeout)
        let auto = try parse(#", "timeoutSeconds": "auto""#)
        XCTAssertEqual(auto.adaptiveTimeout, AdaptiveTimeout())
        XCTAssertEqual(auto.bootSettings.timeoutSeconds, 60, "the fallback until enough boots are known")
        let block = try parse(#", "timeoutSeconds": 90, "adaptiveTimeout": {"percentile": 95, "margin": 2, "floorSeconds": 5, "ceilingSeconds": 600, "minBoots": 20}"#)
        XCTAssertEqual(block.bootSettings.timeoutSeconds, 90)
        XCTAssertEqual([block.adaptiveTimeout?.percentile, block.adaptiveTimeout?.margin, block.adaptiveTimeout?.floorSeconds,
                        block.adaptiveTimeout?.ceilingSeconds], [95, 2, 5, 600])
        XCTAssertEqual(block.adaptiveTimeout?.minBoots, 20)

        func message(_ extra: String) -> String {
            do { _ = try parse(extra); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(message(#", "timeoutSeconds": "fast""#),
                       #"config key 'timeoutSeconds' must be a number or "auto", not "fast"; change its value."#)
        XCTAssertEqual(message(#", "adaptiveTimeout": {"margin": 0.5}"#), "'adaptiveTimeout.margin' is 0.5; it must be between 1 and 100.")
        XCTAssertEqual(message(#", "adaptiveTimeout": {"floorSeconds": 50, "ceilingSeconds": 20}"#),
                       "'adaptiveTimeout.ceilingSeconds' is 20; it must be between 50 and 86400.")
        XCTAssertEqual(message(#", "adaptiveTimeout": {"minBoots": 0}"#), "'adaptiveTimeout.minBoots' is 0; it must be between 1 and 200.")
        XCTAssertTrue(message(#", "adaptiveTimeout": {"p": 1}"#).contains("adaptiveTimeout.p"))
    }
}
