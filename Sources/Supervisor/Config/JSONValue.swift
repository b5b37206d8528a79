import Foundation
import SupervisorPlatform

/// A parsed JSON document (`JSONParser`) that keeps `true` apart from `1`, so config types can be checked exactly.
package enum JSONValue: Equatable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// How the value's type is named in error messages.
    package var typeName: String {
        switch self {
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .null: return "null"
        }
    }
}
