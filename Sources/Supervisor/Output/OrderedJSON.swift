import Foundation

/// JSON written by the product, with object keys in the order the documents list them.
package indirect enum OrderedJSON: Equatable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case null
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    package static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.text == rhs.text }

    /// A value as JSONSerialization parsed it (object keys sorted, as it keeps no order).
    package static func from(_ value: Any?) -> OrderedJSON {
        guard let value, !(value is NSNull) else { return .null }
        if SchemaLite.isBool(value) { return .bool((value as? Bool) == true) }
        if let number = value as? NSNumber {
            return number.doubleValue == number.doubleValue.rounded() && abs(number.doubleValue) < 9e15 ? .integer(number.int64Value) : .number(number.doubleValue)
        }
        if let text = value as? String { return .string(text) }
        if let items = value as? [Any] { return .array(items.map { from($0) }) }
        if let object = value as? [String: Any] { return .object(object.keys.sorted().map { ($0, from(object[$0])) }) }
        return .null
    }

    /// Compact, single-line text (suitable for one NDJSON line).
    package var text: String {
        switch self {
        case .string(let value): return Self.quote(value)
        case .integer(let value): return String(value)
        case .number(let value): return value.isFinite ? Seconds.format(value) : "null"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    /// Indented text (two spaces), for files people open; same content as `text`.
    package func pretty(_ indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + $0.pretty(inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields) where !fields.isEmpty:
            return "{\n" + fields.map { inner + Self.quote($0.0) + ": " + $0.1.pretty(inner) }.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return text
        }
    }

    /// `value` as a JSON string literal.
    package static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
