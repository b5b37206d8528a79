import Foundation
import SupervisorPlatform

/// `invoker-supervisor validate FILE --schema NAME|PATH`: schema-lite validation with the seed
/// repo's exit codes and phrasing (0 passed, 2 unreadable, 3 violations). A `.ndjson` file is
/// validated line by line.
package enum ValidateCommand {
    package static let spec = SubcommandSpec("validate", synopsis: "validate FILE --schema NAME|PATH",
        summary: "Schema-lite check of a JSON (or .ndjson) file against a built-in schema or a schema file;\nexit 0 passed, 2 unreadable, 3 violations.",
        options: [OptionSpec("--schema", .text(placeholder: "NAME|PATH"),
                             "a built-in schema (run-provenance, compare-exec, compare-outcome, process-snapshot, session, daemon-status, escalation) or a file",
                             required: true)])

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
        let schema = try EmbeddedSchemas.load(schemaName)

        guard let data = FileManager.default.contents(atPath: file) else {
            Console.err("[schema-lite] error: \(file): no such file or not readable")
            return Code.unreadable
        }
        let documents: [(prefix: String, text: Data)] = file.hasSuffix(".ndjson")
            ? String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { ("line \($0.offset + 1) ", Data($0.element.utf8)) }
            : [("", data)]
        var violations: [String] = []
        for document in documents {
            guard let value = try? JSONSerialization.jsonObject(with: document.text, options: [.fragmentsAllowed]) else {
                Console.err("[schema-lite] error: \(file): \(document.prefix)is not valid JSON")
                return Code.unreadable
            }
            violations += SchemaLite.validate(value, against: schema).map { document.prefix + $0.description }
        }
        guard violations.isEmpty else {
            violations.forEach(Console.out)
            return Code.violations
        }
        Console.out("Schema-lite validation passed.")
        return Code.passed
    }
}
