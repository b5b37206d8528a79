import SupervisorPlatform
import SafeText

/// A command line the supervisor cannot act on. Each message names the option and the fix.
package enum UsageError: Error, Equatable, CustomStringConvertible {
    case noSubcommand
    case unknownSubcommand(String)
    case unknownOption(String, subcommand: String)
    case missingValue(option: String, example: String)
    case badValue(option: String, value: String, expected: String)
    case missingOption(option: String, example: String, subcommand: String)
    case cannotWrite(path: String, reason: String)
    case cannotRun(program: String, fix: String)

    /// One line; the values the user typed are escaped (`LogText`).
    package var description: String {
        let e = LogText.escaped
        switch self {
        case .noSubcommand:
            return "no subcommand given; run 'invoker-supervisor run --config FILE' or see 'invoker-supervisor --help'."
        case .unknownSubcommand(let name):
            return "unknown subcommand '\(e(name))'; see 'invoker-supervisor --help' for the list."
        case .unknownOption(let option, let subcommand):
            return "unknown option '\(e(option))' for '\(subcommand)'; see 'invoker-supervisor --help'."
        case .missingValue(let option, let example):
            return "\(e(option)) needs a non-empty value, e.g. \(e(option)) \(example)."
        case .badValue(let option, let value, let expected):
            return "\(e(option)) must be \(expected) (got '\(e(value))')."
        case .missingOption(let option, let example, let subcommand):
            return "'\(subcommand)' needs \(option); e.g. invoker-supervisor \(subcommand) \(option) \(example)."
        case .cannotWrite(let path, let reason):
            return "cannot write to '\(e(path))' (\(e(reason))); pass a writable folder with --results-dir."
        case .cannotRun(let program, let fix):
            return "cannot run '\(e(program))'; \(fix)."
        }
    }
}
