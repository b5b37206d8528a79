/// Why a config file (or a flag overriding it) was rejected. Each message names the key and the fix.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalidJSON(file: String, detail: String)
    case missingKey(key: String)
    case unknownKey(key: String, allowed: [String])
    case wrongType(key: String, expected: String, got: String)
    case outOfRange(key: String, value: String, allowed: String)
    case invalidValue(key: String, problem: String, fix: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "cannot read config file '\(file)' (\(reason)); pass an existing JSON file with --config."
        case .invalidJSON(let file, let detail):
            return "config file '\(file)' is not valid JSON (\(detail)); fix the syntax."
        case .missingKey(let key):
            return "config key '\(key)' is missing; add it."
        case .unknownKey(let key, let allowed):
            return "config key '\(key)' is not known; remove it or use one of: \(allowed.joined(separator: ", "))."
        case .wrongType(let key, let expected, let got):
            return "config key '\(key)' must be \(expected), not \(got); change its value."
        case .outOfRange(let key, let value, let allowed):
            return "'\(key)' is \(value); it must be \(allowed)."
        case .invalidValue(let key, let problem, let fix):
            return "'\(key)' \(problem); \(fix)."
        }
    }
}
