#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import XCTest
@testable import Supervisor

/// Bad input: exit 64, one `Error:` line naming the key and the fix, and nothing written.
final class BadConfigTests: XCTestCase {
    private func expectRejection(_ configText: String?, arguments: [String] = [], mentions: [String],
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let scratch = try Scratch()
        if let configText { try configText.write(toFile: scratch.file("config.json"), atomically: true, encoding: .utf8) }
        let (code, run) = try SupervisorProcess.run(["run", "--config", "config.json"] + arguments, in: scratch,
                                                    environment: ["GITHUB_OUTPUT": scratch.file("out.txt")])
        XCTAssertEqual(code, 64, file: file, line: line)
        let errorLines = run.stderr.split(separator: "\n")
        XCTAssertEqual(errorLines.count, 1, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("Error: "), run.stderr, file: file, line: line)
        for text in mentions { XCTAssertTrue(run.stderr.contains(text), "'\(text)' not in: \(run.stderr)", file: file, line: line) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("results")), "nothing may be written", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("out.txt")), file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
    }

    private let valid = #"{"invoker":{"command":["x"]},"ready":{"file":"r.json"},"resultsDir":"results"}"#

    func testHostileValuesAreRefusedOnOneLine() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r.json"},"attempts":1,"attempts":2}"#,
                            mentions: ["'attempts' appears twice"])
        try expectRejection(#"{"invoker":{"command":["x"],"environment":{"A=B":"1"}},"ready":{"file":"r.json"}}"#,
                            mentions: ["'invoker.environment.A=B'"])
        try expectRejection(#"{"invoker":{"command":["x", "a\u0000b"]},"ready":{"file":"r.json"}}"#,
                            mentions: ["'invoker.command[1]' contains a NUL"])
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r.json"},"a\nb":1}"#,
                            mentions: [#"'a\nb' is not known"#])
        try expectRejection(valid, arguments: ["--timeout", "0.0001"], mentions: ["'--timeout' is 0.0001; it must be between 0.001 and 86400"])
        try expectRejection(valid, arguments: ["--results-dir", ""], mentions: ["--results-dir needs a non-empty value"])
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r.json"},"steps":[{"name":"a","command":["x"]},{"name":"a","command":["y"]}]}"#,
                            mentions: ["'steps[1].name' repeats the step name"])
    }

    func testManyStepsLoadInOnePass() throws {
        let steps = (0..<20_000).map { #"{"name":"s\#($0)","command":["x"]}"# }.joined(separator: ",")
        let config = try ConfigLoader.parse(JSONParser.parse(Array(#"{"invoker":{"command":["x"]},"ready":{"line":"R"},"steps":[\#(steps)]}"#.utf8)),
                                            file: "/r/c.json", overrides: ConfigOverrides(), currentDirectory: "/r")
        XCTAssertEqual(config.steps.count, 20_000)
    }

    func testMissingFile() throws {
        try expectRejection(nil, mentions: ["config.json", "no such file", "--config"])
    }

    func testInvalidJSON() throws {
        try expectRejection(#"{"invoker": {"command": ["x"]},"#, mentions: ["not valid JSON"])
    }

    func testUnknownKey() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"atempts":3}"#, mentions: ["'atempts'", "attempts"])
    }

    func testWrongType() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"attempts":"3"}"#, mentions: ["'attempts'", "a whole number", "a string"])
        try expectRejection(#"{"invoker":{"command":"pwsh -File x.ps1"},"ready":{"file":"r"}}"#, mentions: ["'invoker.command'", "array"])
    }

    func testAttemptsBelowOne() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"attempts":0}"#, mentions: ["'attempts'", "between 1 and 100"])
        try expectRejection(valid, arguments: ["--attempts", "0"], mentions: ["'--attempts'"])
    }

    func testNegativeOrAbsurdTimes() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r"},"delaySeconds":-1}"#, mentions: ["'delaySeconds'"])
        try expectRejection(valid, arguments: ["--timeout", "1e9"], mentions: ["'--timeout'", "86400"])
    }

    func testEmptyCommand() throws {
        try expectRejection(#"{"invoker":{"command":[]},"ready":{"file":"r"}}"#, mentions: ["'invoker.command'", "is empty"])
    }

    func testReadyNeedsExactlyOneSignal() throws {
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"file":"r","line":"READY"}}"#, mentions: ["'ready'", "exactly one"])
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"line":"(unclosed"}}"#, mentions: ["'ready.line'", "regular expression"])
        try expectRejection(#"{"invoker":{"command":["x"]},"ready":{"tcp":"localhost"}}"#, mentions: ["'ready.tcp'", "host:port"])
    }

    func testBadFlags() throws {
        try expectRejection(valid, arguments: ["--on-not-ready", "maybe"], mentions: ["--on-not-ready", "skip or fail"])
        try expectRejection(valid, arguments: ["--bogus"], mentions: ["'--bogus'"])
        try expectRejection(valid, arguments: ["--delay"], mentions: ["--delay needs a non-empty value"])
    }

    func testMissingConfigOptionAndUnknownSubcommand() throws {
        let scratch = try Scratch()
        let (code, run) = try SupervisorProcess.run(["run"], in: scratch)
        XCTAssertEqual(code, 64)
        XCTAssertTrue(run.stderr.hasPrefix("Error: 'run' needs --config"), run.stderr)
        let (code2, run2) = try SupervisorProcess.run(["launch"], in: scratch)
        XCTAssertEqual(code2, 64)
        XCTAssertTrue(run2.stderr.contains("unknown subcommand 'launch'"))
    }
}
#endif
