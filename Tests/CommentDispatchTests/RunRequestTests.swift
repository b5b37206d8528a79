import XCTest
@testable import CommentDispatch

/// The `/run` grammar: every accepted form and every way to be malformed.
final class RunRequestTests: XCTestCase {
    func testOrchestratedWithAllInputs() {
        XCTAssertEqual(RunRequest.parse("/run orchestrated strategy=matrix include_integration=true sample_id=pr42-a ref=feature/x\nthanks!"),
                       .orchestrated(DispatchInputs(strategy: .matrix, includeIntegration: true, sampleID: "pr42-a", ref: "feature/x")))
        XCTAssertEqual(RunRequest.parse("/run orchestrated"), .orchestrated(DispatchInputs()))
        XCTAssertEqual(RunRequest.parse("/run status"), .status)
        XCTAssertEqual(RunRequest.parse("/run rerun"), .rerun)
    }

    func testNotACommand() {
        XCTAssertNil(RunRequest.parse("LGTM\n/run orchestrated"), "only the first line counts")
        XCTAssertNil(RunRequest.parse("/running late"))
        XCTAssertNil(RunRequest.parse(""))
    }

    func testMalformed() {
        let cases: [(String, String)] = [
            ("/run", "no subcommand after /run"),
            ("/run deploy", "unknown subcommand `deploy`"),
            ("/run status now", "'/run status' takes no arguments"),
            ("/run orchestrated strategy=all", "strategy must be single or matrix, not `all`"),
            ("/run orchestrated include_integration=yes", "include_integration must be true or false, not `yes`"),
            ("/run orchestrated sample_id=$(rm)", "sample_id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
            ("/run orchestrated ref=../../etc", "ref `../../etc` is not a plain branch or tag name"),
            ("/run orchestrated strategy=single strategy=matrix", "`strategy` is given twice"),
            ("/run orchestrated matrix", "`matrix` is not key=value"),
            ("/run orchestrated color=blue", "unknown key `color`"),
        ]
        for (body, reason) in cases {
            XCTAssertEqual(RunRequest.parse(body), .malformed(reason), body)
        }
    }

    func testCommandLineRepeatsTheInputs() {
        XCTAssertEqual(DispatchInputs(strategy: .matrix, includeIntegration: true, sampleID: "s1").commandLine,
                       "/run orchestrated strategy=matrix include_integration=true sample_id=s1")
    }

    func testSampleIDIsReadableAndValid() {
        let id = SampleID.make(pullRequest: 42, at: Date(timeIntervalSince1970: 1_795_691_592), random: 0x3f9a)
        XCTAssertEqual(id, "pr42-20261126-111312-3f9a")
        XCTAssertTrue(DispatchInputs.isValidSampleID(id))
    }
}
