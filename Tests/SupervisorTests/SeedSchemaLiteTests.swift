#if os(Linux)
import XCTest

/// `validate` against the seed repo's own schema-lite cases (tests/SchemaLite.*.Tests.ps1 and the
/// files they use, copied into Tests/Fixtures/seed/schemalite; see its README.md): the seed's
/// exit codes and the message phrases its tests and users grep.
final class SeedSchemaLiteTests: XCTestCase {
    private let folder = ProvenanceTests.fixtures.appendingPathComponent("seed/schemalite").path

    private func validate(_ document: String, _ schema: String, _ extra: [String] = []) throws -> (code: Int32, out: String) {
        let scratch = try Scratch()
        let (code, run) = try SupervisorProcess.run(["validate", folder + "/" + document, "--schema", folder + "/" + schema] + extra, in: scratch)
        return (code, run.stdout + run.stderr)
    }

    func testTheSeedsPassingCasesPass() throws {
        for (document, schema) in [("internalref.pass.json", "internalref.schema.json"), ("addprops-enum.pass.json", "addprops-enum.schema.json"),
                                   ("addprops-range.pass.json", "addprops-range.schema.json"), ("addprops-nested.pass.json", "addprops-nested.schema.json"),
                                   ("agentwaitlast.pass.json", "agentwaitlast.schema.json"), ("datetime.pass.json", "datetime.schema.json"),
                                   ("enumrange.pass.json", "enumrange.schema.json"), ("number-valid.pass.json", "number-valid.schema.json"),
                                   ("watchlast.pass.json", "watchlast.schema.json"), ("wait-log.ndjson", "agentwaitlog.schema.json"),
                                   ("watch-log.ndjson", "watchlog.schema.json"), ("generated/agent-wait-result.pass.json", "generated/agent-wait-result.schema.json"),
                                   ("edge/union-and-unknown.pass.json", "edge/union-and-unknown.schema.json")] {
            let result = try validate(document, schema)
            XCTAssertEqual(result.code, 0, "\(document): \(result.out)")
            XCTAssertTrue(result.out.contains("Schema-lite validation passed."), result.out)
        }
    }

    func testTheSeedsFailingCasesGiveItsMessages() throws {
        let cases: [(String, String, [String])] = [
            ("internalref.fail.json", "internalref.schema.json", ["Missing required field 'name'"]),
            ("internalref-session-index-v2.fail.json", "generated/session-index-v2.schema.json", ["Missing required field 'run'"]),
            ("addprops-enum.fail.json", "addprops-enum.schema.json", ["Field 'x' value 'Z' not in enum [A, B, C]"]),
            ("addprops-range.fail.json", "addprops-range.schema.json", ["Field 'a' value -1 below minimum 0", "Field 'b' value 11 above maximum 10"]),
            ("addprops-nested.fail.json", "addprops-nested.schema.json", ["Unexpected field 'x.extra'"]),
            ("datetime.fail.json", "datetime.schema.json", ["Field 'ts' expected RFC3339 date-time string"]),
            ("enumrange.fail.json", "enumrange.schema.json", ["Field 'status' value 'bad' not in enum [ok, warn, error]", "Field 'retryCount' value 9 above maximum 5"]),
            ("number-integer.fail.json", "number-integer.schema.json", ["Field 'val' expected integer"]),
            ("number-number.fail.json", "number-number.schema.json", ["Field 'ratio' expected number"]),
            ("recursive.fail.json", "recursive.schema.json", ["Missing required field 'parent.child.missingLeaf'"]),
            ("edge/defs-ref.fail.json", "edge/defs-ref.schema.json", []),
        ]
        for (document, schema, messages) in cases {
            let result = try validate(document, schema)
            XCTAssertEqual(result.code, 3, "\(document): \(result.out)")
            for message in messages {
                XCTAssertTrue(result.out.contains("[schema-lite] error: \(message)"), "\(document): '\(message)' not in \(result.out)")
            }
        }
    }

    func testTheSchemaFallbackReloadsTheSchemaBesideTheGivenOne() throws {
        let result = try validate("fallback/fixture-validation.json", "fallback/fixture-manifest-v1.schema.json")
        XCTAssertEqual(result.code, 0, result.out)
        XCTAssertTrue(result.out.contains("[schema-lite] notice: schema const mismatch (expected fixture-manifest-v1 actual fixture-validation-v1); reloading schema from "), result.out)
        XCTAssertTrue(result.out.contains("fixture-validation-v1.schema.json"), result.out)
        XCTAssertTrue(result.out.split(separator: "\n").contains("Schema-lite validation passed."), result.out)
    }

    func testNothingUnsupportedPassesSilently() throws {
        let scratch = try Scratch()
        try #"{"type":"object","properties":{"a":{"anyOf":[{"type":"string"}]}}}"#.write(toFile: scratch.file("any.schema.json"), atomically: true, encoding: .utf8)
        try #"{"a":1}"#.write(toFile: scratch.file("doc.json"), atomically: true, encoding: .utf8)
        let (code, run) = try SupervisorProcess.run(["validate", "doc.json", "--schema", "any.schema.json"], in: scratch)
        XCTAssertEqual(code, 2)
        XCTAssertTrue(run.stderr.contains("schema keyword 'anyOf' at /a is not supported"), run.stderr)
        XCTAssertEqual(try validate("edge/any.json", "edge/external-ref.schema.json").code, 2)
        XCTAssertEqual(try validate("edge/any.json", "edge/cycle.schema.json").code, 2)
        XCTAssertEqual(try validate("internalref.pass.json", "no-such.schema.json").code, 2, "a missing schema file is exit 2")
    }

    func testStrictChecksWhatTheSeedLeavesLoose() throws {
        XCTAssertEqual(try validate("edge/union-and-unknown.pass.json", "edge/union-and-unknown.schema.json", ["--strict"]).code, 3)
        XCTAssertEqual(try validate("datetime.pass.json", "datetime.schema.json", ["--strict"]).code, 3, "strict wants a zone")
    }
}
#endif
