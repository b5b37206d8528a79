import XCTest
@testable import Supervisor

/// Config parsing as values: defaults, path resolution, overrides and the messages of bad input.
final class ConfigLoaderTests: XCTestCase {
    private func parse(_ json: String, overrides: ConfigOverrides = ConfigOverrides()) throws -> SupervisorConfig {
        let value = try JSONParser.parse(Array(json.utf8))
        do {
            return try ConfigLoader.parse(value, file: "/repo/ci/supervisor.json", overrides: overrides, currentDirectory: "/work")
        } catch {
            throw error
        }
    }

    private func message(_ json: String, overrides: ConfigOverrides = ConfigOverrides()) -> String {
        do {
            _ = try parse(json, overrides: overrides)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testSeedStyleConfigWithDefaultsAndPaths() throws {
        let config = try parse(#"""
        {"invoker": {"command": ["pwsh", "-NoProfile", "-File", "tools/RunnerInvoker/Start-RunnerInvoker.ps1"],
                     "workingDirectory": "..", "environment": {"LV_SUPPRESS_UI": "1"}},
         "ready": {"file": "../tests/results/_invoker/ready.json"},
         "warmup": {"command": ["C:\\Program Files\\National Instruments\\Shared\\LabVIEW Compare\\LVCompare.exe"], "waitForProcess": "LabVIEW"},
         "steps": [{"name": "compare", "command": ["pwsh", "-File", "tools/Run-Compare.ps1"]}]}
        """#)
        XCTAssertEqual(config.invoker.workingDirectory, "/repo")
        XCTAssertEqual(config.invoker.environment, ["LV_SUPPRESS_UI": "1"])
        XCTAssertEqual(config.ready, .file("/repo/tests/results/_invoker/ready.json"))
        XCTAssertEqual(config.bootSettings.attempts, 3)
        XCTAssertEqual(config.bootSettings.delaySeconds, 7)
        XCTAssertEqual(config.bootSettings.timeoutSeconds, 60)
        XCTAssertEqual(config.stopGraceSeconds, 5)
        XCTAssertEqual(config.warmup?.timeoutSeconds, 15)
        XCTAssertEqual(config.warmup?.command.workingDirectory, "/repo/ci")
        XCTAssertEqual(config.resultsDir, "/repo/ci/tests/results")
        XCTAssertEqual(config.invokerDir, "/repo/ci/tests/results/_invoker")
        XCTAssertEqual(config.onNotReady, .skip)
        XCTAssertEqual(config.policy, LifecyclePolicy(settings: BootSettings(attempts: 3, delaySeconds: 7, timeoutSeconds: 60), hasWarmup: true, stepCount: 1))
    }

    func testFlagsOverrideTheFileAndResultsDirIsRelativeToTheCurrentFolder() throws {
        let config = try parse(#"{"invoker":{"command":["x"]},"ready":{"line":"READY"},"attempts":2,"onNotReady":"skip"}"#,
                               overrides: ConfigOverrides(attempts: 5, delaySeconds: 0.5, timeoutSeconds: 90, resultsDir: "out", onNotReady: .fail))
        XCTAssertEqual(config.bootSettings.attempts, 5)
        XCTAssertEqual(config.bootSettings.delaySeconds, 0.5)
        XCTAssertEqual(config.bootSettings.timeoutSeconds, 90)
        XCTAssertEqual(config.resultsDir, "/work/out")
        XCTAssertEqual(config.onNotReady, .fail)
    }

    func testPathsAreCleanedLexicallyKeepingLinks() {
        XCTAssertEqual(ConfigLoader.absolute("../bin/./LVCompare", against: "/repo/ci"), "/repo/bin/LVCompare")
        XCTAssertEqual(ConfigLoader.absolute("/a//b/../c/", against: "/x"), "/a/c")
    }

    func testTCPEndpoints() throws {
        XCTAssertEqual(try parse(#"{"invoker":{"command":["x"]},"ready":{"tcp":"127.0.0.1:8765"}}"#).ready, .tcp(host: "127.0.0.1", port: 8765))
        XCTAssertEqual(try parse(#"{"invoker":{"command":["x"]},"ready":{"tcp":"[::1]:80"}}"#).ready, .tcp(host: "::1", port: 80))
        XCTAssertTrue(message(#"{"invoker":{"command":["x"]},"ready":{"tcp":"127.0.0.1:0"}}"#).contains("'ready.tcp'"))
    }

    /// A combining mark after `=` made one Character with it, so `X=\u{301}` passed as a variable
    /// name and Windows or POSIX would have split the entry at that `=`.
    func testEnvironmentNamesAreCheckedOnScalars() {
        XCTAssertTrue(message(#"{"invoker":{"command":["x"],"environment":{"X=\u0301":"v"}},"ready":{"line":"R"}}"#)
            .contains(#"'invoker.environment.X=\#u{301}' is not a usable environment variable"#))
    }

    func testMessagesNameTheKeyAndTheFix() {
        XCTAssertEqual(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"attempts":true}"#),
                       "config key 'attempts' must be a whole number, not true/false; change its value.")
        XCTAssertEqual(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"attempts":2.5}"#),
                       "config key 'attempts' must be a whole number, not a number; change its value.")
        XCTAssertEqual(message(#"{"ready":{"file":"r"}}"#), "config key 'invoker' is missing; add it.")
        XCTAssertEqual(message(#"{"invoker":{"command":["x", 3]},"ready":{"file":"r"}}"#),
                       "config key 'invoker.command[1]' must be a string, not a number; change its value.")
        XCTAssertTrue(message(#"{"invoker":{"command":["x"],"cwd":"."},"ready":{"file":"r"}}"#)
            .hasPrefix("config key 'invoker.cwd' is not known; remove it or use one of: command, workingDirectory, environment"))
        XCTAssertEqual(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"timeoutSeconds":0}"#),
                       "'timeoutSeconds' is 0; it must be between 0.001 and 86400.")
        XCTAssertTrue(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"steps":[{"name":"a b","command":["x"]}]}"#)
            .hasPrefix("'steps[0].name' is \"a b\"; use 1 to 64 letters"))
        XCTAssertTrue(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"steps":[{"name":"a","command":["x"]},{"name":"a","command":["y"]}]}"#)
            .contains("repeats the step name"))
        XCTAssertTrue(message(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"onNotReady":"retry"}"#)
            .contains("use \"skip\" or \"fail\""))
        XCTAssertEqual(message(#"[1]"#), "config key '(top level)' must be an object, not an array; change its value.")
    }
}
