import XCTest
@testable import CommentDispatch

/// The dispatcher's config file: defaults, every key, and one-line errors.
final class DispatchConfigTests: XCTestCase {
    private func load(_ json: String) throws -> DispatchConfig {
        let path = NSTemporaryDirectory() + "dispatch-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return try DispatchConfig.load(path: path)
    }

    func testEveryKey() throws {
        let config = try load(#"{"workflow":"orchestrated.yml","enabled":false,"requiredPermission":"maintain","allowForks":true,"strategies":["single"],"busyPolicy":"queue","autoCancel":true,"pollIntervalSeconds":10,"correlateSeconds":30,"retryDelaySeconds":1,"duplicateWindowSeconds":120}"#)
        XCTAssertEqual(config.workflow, "orchestrated.yml")
        XCTAssertFalse(config.enabled)
        XCTAssertEqual(config.requiredPermission, "maintain")
        XCTAssertTrue(config.allowForks)
        XCTAssertEqual(config.strategies, [.single])
        XCTAssertEqual(config.busyPolicy, .queue)
        XCTAssertTrue(config.autoCancel)
        XCTAssertEqual([config.pollIntervalSeconds, config.correlateSeconds, config.retryDelaySeconds, config.duplicateWindowSeconds], [10, 30, 1, 120])
        XCTAssertEqual(try load("{}"), DispatchConfig())
    }

    func testErrorsNameTheKey() {
        let cases = [
            (#"{"workflw":"x"}"#, "dispatch config key 'workflw' is not known"),
            (#"{"enabled":1}"#, "dispatch config key 'enabled' must be true or false"),
            (#"{"requiredPermission":"root"}"#, "dispatch config key 'requiredPermission' must be one of none, read, triage, write, maintain, admin"),
            (#"{"strategies":["all"]}"#, "dispatch config key 'strategies' must be a non-empty array"),
            (#"{"busyPolicy":"wait"}"#, "dispatch config key 'busyPolicy' must be downgrade or queue"),
            (#"{"pollIntervalSeconds":-1}"#, "dispatch config key 'pollIntervalSeconds' must be a number of seconds from 0 to 3600"),
        ]
        for (json, message) in cases {
            XCTAssertThrowsError(try load(json), json) { XCTAssertTrue("\($0)".hasPrefix(message), "\($0)") }
        }
    }
}
