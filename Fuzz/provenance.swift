import Foundation
import SafeText
@testable import Supervisor

/// Event payloads (`GITHUB_EVENT_PATH`): whatever they hold, provenance.json is valid
/// `run-provenance/v1`, and the Markdown block and re-run blocks keep their shape — one
/// `- key:` line per field, values as inert inline code, no heading but ours.
@_cdecl("LLVMFuzzerTestOneInput")
public func provenanceFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let payload = try? JSONSerialization.jsonObject(with: Data(FuzzCheck.bytes(data, size))) as? [String: Any] else { return 0 }
    let environment = ["GITHUB_REPOSITORY": "o/r", "GITHUB_WORKFLOW": "ci", "GITHUB_WORKFLOW_REF": "o/r/.github/workflows/ci.yml@refs/heads/main",
                       "GITHUB_EVENT_NAME": "workflow_dispatch", "GITHUB_RUN_ID": "1", "GITHUB_REF": "refs/heads/main", "GITHUB_SHA": "abc"]
    let provenance = Provenance(environment: environment, payload: .loaded(payload), now: Date(timeIntervalSince1970: 0), machine: "h")
    let text = provenance.json.pretty()
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
        FuzzCheck.require(false, "provenance.json is not JSON: \(text)")
        return 0
    }
    do {
        let violations = try SchemaLite.validate(object, against: ProvenanceSchema.schema, strict: true)
        FuzzCheck.require(violations.isEmpty, "provenance.json breaks its schema: \(violations) in \(text)")
    } catch {
        FuzzCheck.require(false, "the shipped run-provenance schema is unsupported: \(error)")
    }
    var expected = ["### Run Provenance", ""]
    for (key, _) in provenance.fields {
        let value = provenance.value(key) ?? ""
        expected.append("- \(key):" + (value.isEmpty ? "" : " " + MarkdownText.code(value)))
    }
    expected += ["", ""]
    FuzzCheck.require(provenance.markdown == expected.joined(separator: "\n"), "the block lost its shape: \(provenance.markdown)")
    let summary = OrderedSummary(provenance: provenance, invoker: "", snapshots: SummarySnapshots(), outcome: nil,
                                 runURL: OrderedSummary.runURL(environment), workflow: .from(environment)).markdown()
    let lines = summary.split(separator: "\n", omittingEmptySubsequences: false)
    FuzzCheck.require(lines.filter { $0.hasPrefix("#") } == ["### Run Provenance", "### Re-run With Same Inputs", "### Re-run (gh)"],
                      "a heading from the payload: \(summary)")
    FuzzCheck.require(lines.filter { $0.hasPrefix("```") } == ["```bash", "```"], "a fence from the payload: \(summary)")
    FuzzCheck.require(lines.allSatisfy { LogText.isPlain(String($0)) }, "a control character in: \(summary)")
    for value in provenance.fields.compactMap({ provenance.value($0.0) }) where !value.isEmpty {
        FuzzCheck.require(inlineCodeText(MarkdownText.code(value)) == LogText.escaped(value), "\(value) does not read back from its code span")
    }
    return 0
}

/// What CommonMark shows for one code span: the text between the fences, one space taken from each
/// end when both ends have one and it is not all spaces.
func inlineCodeText(_ span: String) -> String? {
    let scalars = Array(span.unicodeScalars)
    let fence = scalars.prefix { $0 == "`" }.count
    guard fence > 0, scalars.count >= 2 * fence, scalars.suffix(fence).allSatisfy({ $0 == "`" }) else { return nil }
    var inner = Array(scalars[fence..<(scalars.count - fence)])
    guard !inner.isEmpty, inner.first != "`", inner.last != "`" else { return nil }
    var run = 0
    for scalar in inner {
        run = scalar == "`" ? run + 1 : 0
        if run == fence { return nil }
    }
    if inner.count >= 2, inner.first == " ", inner.last == " ", inner.contains(where: { $0 != " " }) { inner = Array(inner.dropFirst().dropLast()) }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: inner)
    return String(text)
}

enum ProvenanceSchema {
    nonisolated(unsafe) static let schema = try! EmbeddedSchemas.load("run-provenance")
}
