import SupervisorPlatform
import SafeText

/// Why a config file (or a flag overriding it) was rejected. Each message names the key and the fix.
package enum ConfigError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalidJSON(file: String, detail: String)
    case missingKey(key: String)
    case unknownKey(key: String, allowed: [String])
    case wrongType(key: String, expected: String, got: String)
    case outOfRange(key: String, value: String, allowed: String)
    case invalidValue(key: String, problem: String, fix: String)

    /// One line: every value that came from the user or the file is escaped (`LogText`).
    package var description: String {
        let e = LogText.escaped
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read config file '\(e(file))' (\(e(reason))); pass an existing JSON file with --config."
        case .invalidJSON(let file, let detail):
            return "config file '\(e(file))' is not valid JSON (\(e(detail))); fix the syntax."
        case .missingKey(let key):
            return "config key '\(e(key))' is missing; add it."
        case .unknownKey(let key, let allowed):
            return "config key '\(e(key))' is not known; remove it or use one of: \(e(allowed.joined(separator: ", ")))."
        case .wrongType(let key, let expected, let got):
            return "config key '\(e(key))' must be \(expected), not \(e(got)); change its value."
        case .outOfRange(let key, let value, let allowed):
            return "'\(e(key))' is \(e(value)); it must be \(allowed)."
        case .invalidValue(let key, let problem, let fix):
            return "'\(e(key))' \(e(problem)); \(fix)."
        }
    }
}
