import Foundation
import SupervisorPlatform
import SafeText

/// `invoker-supervisor validate FILE --schema NAME|PATH`: schema-lite validation with the seed
/// repo's exit codes and phrasing (0 passed, 2 unreadable, 3 violations). A `.ndjson` file is
/// validated line by line.
package enum ValidateCommand {
    package static let spec = SubcommandSpec("validate", synopsis: "validate FILE --schema NAME|PATH [--strict]",
        summary: "Schema-lite check of a JSON (or NDJSON) file against a built-in schema or a schema file, as the seed's\nInvoke-JsonSchemaLite.ps1 checks it; exit 0 passed, 2 unreadable or unsupported, 3 violations.",
        options: [OptionSpec("--schema", .text(placeholder: "NAME|PATH"),
                             "a built-in schema (run-provenance, compare-exec, compare-outcome, process-snapshot, session, daemon-status, escalation) or a file",
                             required: true),
                  OptionSpec("--strict", .flag, "also check union types, minLength, pattern, minItems and full RFC 3339 date-times")])

    /// The exit codes this subcommand keeps from the seed repo's Invoke-JsonSchemaLite.ps1.
    package enum Code {
        package static let passed: Int32 = 0
        package static let unreadable: Int32 = 2
        package static let violations: Int32 = 3
    }

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let file = arguments.first, !file.hasPrefix("--") else {
            throw UsageError.missingValue(option: "validate", example: "tests/results/compare-outcome.json --schema compare-outcome")
        }
        let values = try spec.parse(Array(arguments.dropFirst()))
        let schemaName = try values.required("--schema")
        func refuse(_ message: String) -> Int32 {
            Console.err("[schema-lite] error: \(LogText.escaped(message))")
            return Code.unreadable
        }
        guard let data = FileManager.default.contents(atPath: file) else { return refuse("JSON file not found: \(file)") }
        var schemaPath: String? = nil
        var schema: [String: Any]
        if let embedded = EmbeddedSchemas.byName[schemaName] {
            schema = (try? JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [String: Any]) ?? [:]
        } else {
            guard let text = FileManager.default.contents(atPath: schemaName) else { return refuse("Schema file not found: \(schemaName)") }
            guard let parsed = try? JSONSerialization.jsonObject(with: text) as? [String: Any] else { return refuse("Failed to parse schema: \(schemaName)") }
            schema = parsed
            schemaPath = schemaName
        }
        guard let documents = records(data, ndjson: file.lowercased().hasSuffix(".ndjson")) else {
            return refuse("Failed to parse JSON: \(file)")
        }
        var violations: [String] = []
        do {
            for (index, document) in documents.enumerated() {
                let prefix = documents.count > 1 || file.lowercased().hasSuffix(".ndjson") ? "record \(index + 1): " : ""
                var recordSchema = schema
                if let schemaPath, let alternate = try fallback(for: document, schema: schema, schemaPath: schemaPath) {
                    Console.out(LogText.escaped("[schema-lite] notice: schema const mismatch (expected \(alternate.expected) actual \(alternate.actual)); reloading schema from \(alternate.path)"))
                    recordSchema = alternate.schema
                }
                violations += try SchemaLite.validate(document, against: recordSchema, strict: values.flag("--strict"))
                    .map { prefix + $0.description }
            }
        } catch {
            return refuse(error.description)
        }
        guard violations.isEmpty else {
            violations.forEach(Console.out)
            return Code.violations
        }
        Console.out("Schema-lite validation passed.")
        return Code.passed
    }

    /// The records of a file: one JSON document, or for NDJSON one per line — or, as the seed's
    /// dashboard samples are written, pretty-printed records separated by blank lines.
    static func records(_ data: Data, ndjson: Bool) -> [Any]? {
        func parse(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        guard ndjson else { return parse(text).map { [$0] } }
        let lines: [String] = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let byLine = lines.compactMap(parse)
        if byLine.count == lines.count { return byLine }
        let blocks: [String] = text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let byBlock = blocks.compactMap(parse)
        return byBlock.count == blocks.count ? byBlock : nil
    }

    /// The seed's schema fallback: when the schema's `properties.schema.const` differs from the
    /// document's `schema`, and `<document schema>.schema.json` stands beside the given schema file,
    /// that file is used instead.
    static func fallback(for document: Any, schema: [String: Any], schemaPath: String) throws(SchemaLite.Unsupported)
        -> (expected: String, actual: String, path: String, schema: [String: Any])? {
        let resolved = try SchemaLite.resolve(schema, root: schema)
        guard let expected = ((resolved["properties"] as? [String: Any])?["schema"] as? [String: Any])?["const"] as? String,
              let actual = (document as? [String: Any])?["schema"] as? String, expected != actual,
              !actual.contains("/"), !actual.contains("\\") else { return nil }
        let folder = ConfigLoader.absolute((schemaPath as NSString).deletingLastPathComponent, against: FileManager.default.currentDirectoryPath)
        let path = folder + "/" + actual + ".schema.json"
        guard let data = FileManager.default.contents(atPath: path),
              let alternate = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (expected, actual, path, alternate)
    }
}
