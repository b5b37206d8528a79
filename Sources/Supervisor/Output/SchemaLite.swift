import Foundation
import SupervisorPlatform
import SafeText

/// Validates JSON against the JSON Schema subset of the seed repo's `Invoke-JsonSchemaLite.ps1`,
/// with its message phrasing (`Missing required field 'a.b'`, `Field 'x' expected integer`,
/// `Unexpected field 'x.extra'`, …) followed by the JSON pointer in parentheses.
///
/// Supported: `type`, `required`, `properties`, `additionalProperties` (false or a schema),
/// `enum`, `const`, `minimum`/`maximum`, `items`, `format: date-time`, and internal `$ref`
/// (`#/definitions/…`, `#/$defs/…`, any `#/…` pointer, a root `$ref`; sibling keys override the
/// target, chains are followed, cycles refused). Where the seed is looser on purpose, so is the
/// default: a union `type` is not checked, `minLength`/`maxLength`/`pattern`/`minItems`/`maxItems`
/// are not checked, and a date-time needs only `YYYY-MM-DDTHH:MM:SS` at its start. `strict` checks
/// all of those too (and a full RFC 3339 date-time). A keyword outside the subset (`anyOf`, `oneOf`,
/// `allOf`, `not`, `if`, `patternProperties`, …) is an `Unsupported` problem, never a silent pass.
package enum SchemaLite {
    /// One violation: the field path as the seed names it, the JSON pointer, and the message.
    package struct Violation: Equatable, CustomStringConvertible {
        package var pointer: String
        package var message: String
        /// `[schema-lite] error: MESSAGE (POINTER)`.
        package var description: String { "[schema-lite] error: \(message) (\(pointer.isEmpty ? "/" : pointer))" }
    }

    /// A schema the validator cannot apply faithfully (exit 2 for `validate`).
    package struct Unsupported: Error, Equatable, CustomStringConvertible {
        package let message: String
        /// One line: the references and keywords from the schema are escaped (`LogText`).
        package var description: String { LogText.escaped(message) }
    }

    /// Keywords that change what is valid and that this subset does not implement.
    package static let unsupportedKeywords: Set<String> = [
        "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "patternProperties", "dependencies", "dependentSchemas",
        "dependentRequired", "propertyNames", "contains", "unevaluatedProperties", "unevaluatedItems", "prefixItems", "$dynamicRef",
        "$recursiveRef",
    ]

    package static let seedDateTimePrefix = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}"#
    package static let dateTimePattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#

    /// Every violation of `schema` by `value` (both as parsed by JSONSerialization).
    package static func validate(_ value: Any, against schema: [String: Any], strict: Bool = false) throws(Unsupported) -> [Violation] {
        var validator = Validator(root: schema, strict: strict)
        try validator.check(value, schema, path: "", pointer: "")
        return validator.found
    }

    /// The schema's `$ref`s followed from `node` (siblings override the target).
    package static func resolve(_ node: [String: Any], root: [String: Any]) throws(Unsupported) -> [String: Any] {
        var resolved = node
        var seen: [String] = []
        while let reference = resolved["$ref"] as? String, !reference.trimmingCharacters(in: .whitespaces).isEmpty {
            guard !seen.contains(reference) else {
                throw Unsupported(message: "schema reference cycle: \((seen + [reference]).joined(separator: " -> "))")
            }
            seen.append(reference)
            var target = try pointee(reference, in: root)
            for (key, value) in resolved where key != "$ref" { target[key] = value }
            resolved = target
        }
        return resolved
    }

    private static func pointee(_ reference: String, in root: [String: Any]) throws(Unsupported) -> [String: Any] {
        guard reference == "#" || reference.hasPrefix("#/") else {
            throw Unsupported(message: "schema reference '\(reference)' is not internal (only '#/…' pointers are supported)")
        }
        var current: Any = root
        for raw in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) where reference != "#" {
            let segment = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = current as? [String: Any], let next = object[segment] {
                current = next
            } else if let array = current as? [Any], let index = Int(segment), array.indices.contains(index) {
                current = array[index]
            } else {
                throw Unsupported(message: "schema reference '\(reference)' not found at '\(segment)'")
            }
        }
        guard let object = current as? [String: Any] else {
            throw Unsupported(message: "schema reference '\(reference)' does not name a schema object")
        }
        return object
    }

    private struct Validator {
        let root: [String: Any]
        let strict: Bool
        var found: [Violation] = []

        mutating func check(_ value: Any, _ node: [String: Any], path: String, pointer: String) throws(Unsupported) {
            let schema = try SchemaLite.resolve(node, root: root)
            if let keyword = schema.keys.sorted().first(where: SchemaLite.unsupportedKeywords.contains) {
                throw Unsupported(message: "schema keyword '\(keyword)' at \(pointer.isEmpty ? "/" : pointer) is not supported by schema-lite")
            }
            let field = path
            func fail(_ message: String) { found.append(Violation(pointer: pointer, message: message)) }

            if !field.isEmpty, let failure = typeFailure(value, schema["type"], field: field) {
                fail(failure)
                return
            }
            if !field.isEmpty, let constant = schema["const"], !SchemaLite.equal(value, constant) {
                fail("Field '\(field)' const mismatch (expected \(SchemaLite.render(constant)))")
            }
            if !field.isEmpty, let options = schema["enum"] as? [Any], !options.isEmpty, !options.contains(where: { SchemaLite.equal(value, $0) }) {
                fail("Field '\(field)' value \(SchemaLite.quoted(value)) not in enum [\(options.map(SchemaLite.render).joined(separator: ", "))]")
            }
            if let number = SchemaLite.numberValue(value) {
                if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum {
                    fail("Field '\(field)' value \(SchemaLite.render(value)) below minimum \(SchemaLite.render(minimum))")
                }
                if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum {
                    fail("Field '\(field)' value \(SchemaLite.render(value)) above maximum \(SchemaLite.render(maximum))")
                }
            }
            if let text = value as? String {
                let pattern = strict ? SchemaLite.dateTimePattern : SchemaLite.seedDateTimePrefix
                if schema["format"] as? String == "date-time", !text.isEmpty, text.range(of: pattern, options: .regularExpression) == nil {
                    fail("Field '\(field)' expected RFC3339 date-time string")
                }
                if strict, let minimum = (schema["minLength"] as? NSNumber)?.intValue, text.count < minimum {
                    fail("Field '\(field)' shorter than minLength \(minimum)")
                }
                if strict, let regex = schema["pattern"] as? String, text.range(of: regex, options: .regularExpression) == nil {
                    fail("Field '\(field)' does not match pattern \(regex)")
                }
            }
            if let items = value as? [Any] {
                if strict, let minimum = (schema["minItems"] as? NSNumber)?.intValue, items.count < minimum {
                    fail("Field '\(field)' has fewer than \(minimum) items")
                }
                if let itemSchema = schema["items"] as? [String: Any] {
                    for (index, item) in items.enumerated() {
                        try check(item, itemSchema, path: "\(field)[\(index)]", pointer: "\(pointer)/\(index)")
                    }
                }
            }
            guard let object = value as? [String: Any] else { return }
            let prefix = field.isEmpty ? "" : field + "."
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                fail("Missing required field '\(prefix)\(key)'")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for key in object.keys.sorted() {
                let childPointer = "\(pointer)/\(SchemaLite.escape(key))"
                if let propertySchema = properties[key] as? [String: Any] {
                    try check(object[key]!, propertySchema, path: prefix + key, pointer: childPointer)
                } else if let additional = schema["additionalProperties"], SchemaLite.isBool(additional), (additional as? Bool) == false {
                    found.append(Violation(pointer: childPointer, message: "Unexpected field '\(prefix)\(key)'"))
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    try check(object[key]!, extra, path: prefix + key, pointer: childPointer)
                }
            }
        }

        /// The seed's type messages; a union type is checked only when strict (the seed skips it).
        private func typeFailure(_ value: Any, _ expected: Any?, field: String) -> String? {
            if let name = expected as? String {
                return SchemaLite.matches(value, type: name) ? nil : SchemaLite.typeMessage(name, field: field)
            }
            guard strict, let names = expected as? [String], !names.isEmpty else { return nil }
            return names.contains { SchemaLite.matches(value, type: $0) } ? nil : "Field '\(field)' expected one of \(names.joined(separator: ", "))"
        }
    }

    private static func typeMessage(_ name: String, field: String) -> String {
        switch name {
        case "string", "boolean": "Field '\(field)' expected type \(name)"
        default: "Field '\(field)' expected \(name)"
        }
    }

    // MARK: - JSON value helpers (JSONSerialization gives NSNumber for numbers and booleans)

    /// Whether a parsed value is a JSON boolean (Foundation gives booleans as a distinct NSNumber class).
    package static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(describing: type(of: number)).contains("Bool")
    }

    private static func numberValue(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBool(value) else { return nil }
        return number.doubleValue
    }

    private static func matches(_ value: Any, type name: String) -> Bool {
        switch name {
        case "string": return value is String
        case "boolean": return isBool(value)
        case "number": return numberValue(value) != nil
        case "integer": return numberValue(value).map { $0 == $0.rounded() } ?? false
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "null": return value is NSNull
        default: return true
        }
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        if isBool(lhs) != isBool(rhs) { return false }
        if let a = lhs as? NSNumber, let b = rhs as? NSNumber { return a == b }
        if let a = lhs as? String, let b = rhs as? String { return a == b }
        if lhs is NSNull, rhs is NSNull { return true }
        return false
    }

    private static func render(_ value: Any) -> String {
        if let text = value as? String { return LogText.escaped(text) }
        if isBool(value) { return (value as? Bool) == true ? "true" : "false" }
        if let number = value as? NSNumber { return Seconds.format(number.doubleValue) }
        if let number = value as? Double { return Seconds.format(number) }
        if value is NSNull { return "null" }
        return "\(value)"
    }

    private static func quoted(_ value: Any) -> String {
        value is String ? "'\(render(value))'" : render(value)
    }

    /// A property name as a JSON pointer token (RFC 6901).
    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
