import XCTest
import SupervisorPlatform
@testable import Supervisor

/// The documented formats and examples stay true to the code.
final class DocsTests: XCTestCase {
    private func doc(_ path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func testSummaryDocShowsTheExactNotReadyLine() throws {
        let text = try doc("docs/summary.md")
        XCTAssertTrue(text.contains(RunSummary.notReadyLine(reason: .timeout, attempts: 3, delaySeconds: 7, timeoutSeconds: 60)))
    }

    func testSummaryDocShowsTheGoldenTimeline() throws {
        let golden = try String(contentsOf: ProvenanceTests.fixtures.appendingPathComponent("summary/timeline.md"), encoding: .utf8)
        XCTAssertTrue(try doc("docs/summary.md").contains(golden.dropLast()), "docs/summary.md's Run Timeline example is summary/timeline.md")
    }

    func testGitHubOutputsDocShowsTheOutputLines() throws {
        let text = try doc("docs/github-outputs.md")
        XCTAssertTrue(text.contains(GitHubOutputs(ready: true, reasonCode: "ready", attempts: 1, elapsedMilliseconds: 1514).text))
    }

    func testBootLogDocExamplesHaveTheLineShape() throws {
        let examples = try doc("docs/boot-log.md").split(separator: "\n").filter { $0.hasPrefix("[20") }
        XCTAssertGreaterThan(examples.count, 10)
        for line in examples {
            XCTAssertNotNil(line.range(of: #"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] \S"#, options: .regularExpression), String(line))
        }
    }

    func testExampleConfigsLoad() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for path in ["packaging/examples/supervisor.json", "demo/demo.json"] {
            XCTAssertNoThrow(try ConfigLoader.load(path: root.appendingPathComponent(path).path), path)
        }
    }

    func testHelpListsEveryExitCode() {
        for code in [ExitCode.success, ExitCode.stepFailed, ExitCode.notReady, ExitCode.usage, ExitCode.refused, ExitCode.internalError,
                     CancelSignal.interrupt.exitCode, CancelSignal.terminate.exitCode] {
            XCTAssertTrue(HelpText.main.contains("\n  \(code)"), "exit code \(code) missing from --help")
        }
    }
}

/// Every subcommand's `--help` comes from its declaration and lists each option it accepts.
final class SubcommandHelpTests: XCTestCase {
    func testEachSubcommandsHelpListsItsDeclaredOptions() {
        for subcommand in Subcommands.all where !subcommand.forwardsHelp {
            let help = subcommand.spec.help
            XCTAssertTrue(help.hasPrefix("USAGE: invoker-supervisor \(subcommand.spec.name)"), help)
            for option in subcommand.spec.options {
                XCTAssertTrue(help.contains("\n  \(option.name)"), "\(subcommand.spec.name) --help lacks \(option.name)")
            }
            XCTAssertTrue(HelpText.main.contains("\n  \(subcommand.spec.name)"), "\(subcommand.spec.name) missing from --help")
        }
    }

    func testOptionsAreCheckedAgainstTheirDeclarations() throws {
        let spec = RunCommand.spec
        XCTAssertThrowsError(try spec.parse(["--config", "c.json", "--attempts", "two"])) { error in
            XCTAssertEqual("\(error)", "--attempts must be a whole number (got 'two').")
        }
        XCTAssertThrowsError(try spec.parse(["--on-not-ready", "maybe", "--config", "c"])) { error in
            XCTAssertEqual("\(error)", "--on-not-ready must be skip or fail (got 'maybe').")
        }
        XCTAssertThrowsError(try spec.parse(["--attempts", "2"])) { error in
            XCTAssertEqual("\(error)", "'run' needs --config; e.g. invoker-supervisor run --config FILE.")
        }
        let parsed = try spec.parse(["--config=c.json", "--timeout", "1.5"])
        XCTAssertEqual(parsed.seconds("--timeout"), 1.5)
        XCTAssertEqual(parsed["--config"], "c.json")
    }
}
