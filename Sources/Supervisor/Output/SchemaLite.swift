import Foundation
import SupervisorPlatform

/// Validates JSON against the subset of JSON Schema (draft-07) that the product's own schemas use:
/// `type`, `required`, `properties`, `additionalProperties`, `enum`, `const`, `minimum`/`maximum`,
/// `minLength`, `minItems`, `items`, `pattern` and `format: date-time`. Unknown keywords are ignored.
package enum SchemaLite {
    /// One violation: where (a JSON pointer, `""` for the document) and what.
    package struct Violation: Equatable, CustomStringConvertible {
        package var pointer: String
        package var message: String
        /// `[schema-lite] error: <pointer>: <message>`, the seed repo's phrasing.
        package var description: String { "[schema-lite] error: \(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    package static let dateTimePattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#

    /// Every violation of `schema` by `value` (both as parsed by JSONSerialization).
    package static func validate(_ value: Any, against schema: [String: Any], at pointer: String = "") -> [Violation] {
        var found: [Violation] = []
        func fail(_ message: String) { found.append(Violation(pointer: pointer, message: message)) }

        if let expected = schema["type"] {
            let names = (expected as? [String]) ?? [(expected as? String) ?? ""]
            guard names.contains(where: { matches(value, type: $0) }) else {
                fail("expected \(names.joined(separator: " or ")), got \(typeName(of: value))")
                return found
            }
        }
        if let constant = schema["const"], !equal(value, constant) {
            fail("must be \(render(constant))")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) {
            fail("must be one of \(options.map(render).joined(separator: ", "))")
        }
        if let number = numberValue(value) {
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum { fail("must be at least \(render(minimum))") }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum { fail("must be at most \(render(maximum))") }
        }
        if let text = value as? String {
            if let minimum = (schema["minLength"] as? NSNumber)?.intValue, text.count < minimum { fail("must have at least \(minimum) characters") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                fail("must match \(pattern)")
            }
            if schema["format"] as? String == "date-time", text.range(of: dateTimePattern, options: .regularExpression) == nil {
                fail("must be a date-time such as 2026-11-26T11:21:29.123Z")
            }
        }
        if let items = value as? [Any] {
            if let minimum = (schema["minItems"] as? NSNumber)?.intValue, items.count < minimum { fail("must have at least \(minimum) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() {
                    found += validate(item, against: itemSchema, at: "\(pointer)/\(index)")
                }
            }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                fail("missing required property '\(key)'")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for key in object.keys.sorted() {
                let child = "\(pointer)/\(escape(key))"
                if let propertySchema = properties[key] as? [String: Any] {
                    found += validate(object[key]!, against: propertySchema, at: child)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append(Violation(pointer: child, message: "is not allowed (additionalProperties is false)"))
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += validate(object[key]!, against: extra, at: child)
                }
            }
        }
        return found
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
        default: return false
        }
    }

    private static func typeName(of value: Any) -> String {
        if value is String { return "string" }
        if isBool(value) { return "boolean" }
        if let number = numberValue(value) { return number == number.rounded() ? "integer" : "number" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "null"
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        if isBool(lhs) != isBool(rhs) { return false }
        if let a = lhs as? NSNumber, let b = rhs as? NSNumber { return a == b }
        if let a = lhs as? String, let b = rhs as? String { return a == b }
        if lhs is NSNull, rhs is NSNull { return true }
        return false
    }

    private static func render(_ value: Any) -> String {
        if let text = value as? String { return "'\(text)'" }
        if isBool(value) { return (value as? Bool) == true ? "true" : "false" }
        if let number = value as? NSNumber { return Seconds.format(number.doubleValue) }
        if let number = value as? Double { return Seconds.format(number) }
        return "\(value)"
    }

    /// A property name as a JSON pointer token (RFC 6901).
    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
