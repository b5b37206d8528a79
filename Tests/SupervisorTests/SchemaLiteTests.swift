import XCTest
@testable import Supervisor

/// The validator against valid and invalid documents for each of the product's schemas.
final class SchemaLiteTests: XCTestCase {
    private func violations(_ json: String, _ schema: String) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        return try SchemaLite.validate(value, against: try EmbeddedSchemas.load(schema), strict: true).map(\.description)
    }

    func testEmbeddedSchemasAreTheDocumentedOnes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.json") }
        XCTAssertEqual(files.count, EmbeddedSchemas.byName.count)
        for file in files {
            let name = file.replacingOccurrences(of: "-v1.schema.json", with: "").replacingOccurrences(of: ".schema.json", with: "")
            let documented = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(EmbeddedSchemas.byName[name].map { $0 + "\n" }, documented, "run scripts/embed-schemas.py after changing \(file)")
        }
    }

    func testRunProvenance() throws {
        let valid = #"{"schema":"run-provenance/v1","schemaVersion":"1.0.0","generatedAtUtc":"2026-11-26T11:21:29.000Z","repository":"o/r","workflow":"w","eventName":"push","runId":"1","runAttempt":"1","ref":"refs/heads/main","refName":"main","branch":"main","headRef":"main","headSha":"abc","prNumber":42,"custom":"kept"}"#
        XCTAssertEqual(try violations(valid, "run-provenance"), [])
        XCTAssertEqual(try violations(#"{"schema":"run-provenance/v1","schemaVersion":"1.0.0","generatedAtUtc":"yesterday","repository":"o/r","workflow":"w","eventName":"push","runId":1,"runAttempt":"1","ref":"r","refName":"m","branch":"m","headRef":"m"}"#, "run-provenance"), [
            "[schema-lite] error: Missing required field 'headSha' (/)",
            "[schema-lite] error: Field 'generatedAtUtc' expected RFC3339 date-time string (/generatedAtUtc)",
            "[schema-lite] error: Field 'runId' expected type string (/runId)",
        ])
    }

    func testCompareExec() throws {
        let valid = #"{"schema":"compare-exec/v1","generatedAt":"2026-11-26T12:21:29.1234567+01:00","cliPath":"C:\\x\\LVCompare.exe","command":"c","args":["-nobd"],"exitCode":1,"diff":true,"cwd":"C:\\w","duration_s":1.5,"duration_ns":1500000000,"base":"a.vi","head":"b.vi"}"#
        XCTAssertEqual(try violations(valid, "compare-exec"), [])
        let seedDriftFallback = valid.replacingOccurrences(of: #""duration_ns":1500000000"#, with: #""duration_ns":null"#)
        XCTAssertEqual(try violations(seedDriftFallback, "compare-exec"), ["[schema-lite] error: Field 'duration_ns' expected integer (/duration_ns)"])
        XCTAssertEqual(try violations(valid.replacingOccurrences(of: #""diff":true"#, with: #""diff":1,"extra":2"#), "compare-exec"), [
            "[schema-lite] error: Field 'diff' expected type boolean (/diff)",
            "[schema-lite] error: Unexpected field 'extra' (/extra)",
        ])
    }

    func testCompareOutcome() throws {
        let seedFields = #""source":"missing","stdoutPath":null,"stdoutLen":null,"stderrPath":null,"stderrLen":null,"reportPath":null,"cliArtifacts":null,"captureJson":null,"capture":{"status":"missing","reason":"no_capture_json","path":null},"compareExec":{"status":"missing","reason":"no_exec_json","path":null}"#
        XCTAssertEqual(try violations(#"{"schema":"compare-outcome/v1","generatedAtUtc":"2026-11-26T11:21:29.000Z","status":"missing","reason":"no_exec_json","file":null,"diff":null,"exitCode":null,"durationMs":null,"cliPath":null,"command":null,"# + seedFields + "}", "compare-outcome"), [])
        XCTAssertEqual(try violations(#"{"schema":"compare-outcome/v1","generatedAtUtc":"2026-11-26T11:21:29.000Z","status":"fine","reason":"no_exec","file":null,"diff":null,"exitCode":1.5,"durationMs":-1,"cliPath":null,"command":null,"# + seedFields + "}", "compare-outcome"), [
            "[schema-lite] error: Field 'durationMs' value -1 below minimum 0 (/durationMs)",
            "[schema-lite] error: Field 'exitCode' expected one of integer, null (/exitCode)",
            "[schema-lite] error: Field 'reason' value 'no_exec' not in enum [no_exec_json, no_cli, missing_vi, invoker_not_ready, skipped] (/reason)",
            "[schema-lite] error: Field 'status' value 'fine' not in enum [ok, missing, error] (/status)",
        ])
    }

    func testProcessSnapshot() throws {
        let valid = #"{"schema":"process-snapshot/v1","phase":"pre-invoker","at":"2026-11-26T11:21:29.000Z","watch":["pwsh"],"processes":[{"name":"pwsh","pid":1,"ppid":0,"startTime":"2026-11-26T11:21:29.000Z"}],"appeared":[],"gone":[]}"#
        XCTAssertEqual(try violations(valid, "process-snapshot"), [])
        XCTAssertEqual(try violations(valid.replacingOccurrences(of: #""pid":1"#, with: #""pid":"1""#).replacingOccurrences(of: #""watch":["pwsh"]"#, with: #""watch":[]"#), "process-snapshot"), [
            "[schema-lite] error: Field 'processes[0].pid' expected integer (/processes/0/pid)",
            "[schema-lite] error: Field 'watch' has fewer than 1 items (/watch)",
        ])
    }

    func testSession() throws {
        let valid = #"{"schema":"invoker-session/v1","state":"ready","warm":false,"openedAt":"2026-11-26T11:21:29.000Z","updatedAt":"2026-11-26T11:21:30.000Z","attempts":1,"steps":[{"name":"compare","startedAt":"2026-11-26T11:21:31.000Z","exitCode":0,"durationMs":5}],"snapshots":["pre-invoker"],"invoker":{"pid":5,"startTime":"2026-11-26T11:21:29.100Z","tree":{"leader":5}}}"#
        XCTAssertEqual(try violations(valid, "session"), [])
        XCTAssertEqual(try violations(valid.replacingOccurrences(of: #""state":"ready""#, with: #""state":"running""#)
            .replacingOccurrences(of: #""tree":{"leader":5}"#, with: #""tree":{}"#), "session"), [
            "[schema-lite] error: Missing required field 'invoker.tree.leader' (/invoker/tree)",
            "[schema-lite] error: Field 'state' value 'running' not in enum [booting, ready, notReady, invokerExited, stopped] (/state)",
        ])
    }
}
