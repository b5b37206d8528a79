/// One option of a subcommand, declared once: parsing, checking and the subcommand's `--help`
/// all come from this declaration.
package struct OptionSpec: Sendable {
    /// What the option takes.
    package enum Value: Sendable {
        case flag
        /// Any non-empty text; `placeholder` names it in help and errors (`FILE`, `DIR`, `NAME`).
        case text(placeholder: String)
        case wholeNumber
        case seconds
        case choice([String])
    }

    package let name: String
    package let value: Value
    package let help: String
    package var required = false

    package init(_ name: String, _ value: Value, _ help: String, required: Bool = false) {
        self.name = name
        self.value = value
        self.help = help
        self.required = required
    }

    /// How the option is written in help: `--config FILE`, `--attempts N`, `--on-not-ready skip|fail`.
    var usage: String {
        switch value {
        case .flag: name
        case .text(let placeholder): "\(name) \(placeholder)"
        case .wholeNumber: "\(name) N"
        case .seconds: "\(name) S"
        case .choice(let choices): "\(name) \(choices.joined(separator: "|"))"
        }
    }

    /// An example for error messages.
    var example: String {
        switch value {
        case .flag: ""
        case .text(let placeholder): placeholder
        case .wholeNumber: "3"
        case .seconds: "60"
        case .choice(let choices): choices[0]
        }
    }
}

extension OptionSpec {
    package static func config(required: Bool = false) -> OptionSpec {
        OptionSpec("--config", .text(placeholder: "FILE"), "the JSON config (docs/configuration.md)", required: required)
    }
    package static let resultsDir = OptionSpec("--results-dir", .text(placeholder: "DIR"),
                                               "results folder, relative to the current folder (overrides \"resultsDir\")")
    package static let summary = OptionSpec("--summary", .text(placeholder: "FILE"), "append the summary here (default: $GITHUB_STEP_SUMMARY)")
    package static let stateDir = OptionSpec("--state-dir", .text(placeholder: "DIR"),
                                             "folder for state shared across runs (overrides \"stateDir\")")
    package static let json = OptionSpec("--json", .flag, "print one JSON line instead of text")
}

/// A subcommand's declaration: its name, synopsis, what it does and its options.
package struct SubcommandSpec: Sendable {
    package let name: String
    /// The usage line after `invoker-supervisor `.
    package let synopsis: String
    package let summary: String
    package let options: [OptionSpec]

    package init(_ name: String, synopsis: String, summary: String, options: [OptionSpec]) {
        self.name = name
        self.synopsis = synopsis
        self.summary = summary
        self.options = options
    }

    /// `--name value` / `--name=value` options, each known and of its declared kind, last one winning.
    package func parse(_ arguments: [String]) throws(UsageError) -> ParsedOptions {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.name == name }) else { throw .unknownOption(argument, subcommand: self.name) }
            if case .flag = option.value {
                guard value == nil else { throw .badValue(option: name, value: value ?? "", expected: "given without a value") }
                values[name] = ""
                index += 1
                continue
            }
            if value == nil {
                index += 1
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw .missingValue(option: name, example: option.example)
                }
                value = arguments[index]
            }
            // An empty value would quietly mean "here" for a folder or nothing for a file.
            guard let value, !value.isEmpty else { throw .missingValue(option: name, example: option.example) }
            try check(value, for: option)
            values[name] = value
            index += 1
        }
        let parsed = ParsedOptions(values: values, spec: self)
        for option in options where option.required { _ = try parsed.required(option.name) }
        return parsed
    }

    private func check(_ value: String, for option: OptionSpec) throws(UsageError) {
        switch option.value {
        case .wholeNumber where Int(value) == nil:
            throw .badValue(option: option.name, value: value, expected: "a whole number")
        case .seconds where !(Double(value)?.isFinite ?? false):
            throw .badValue(option: option.name, value: value, expected: "a number of seconds")
        case .choice(let choices) where !choices.contains(value):
            throw .badValue(option: option.name, value: value, expected: choices.joined(separator: " or "))
        default:
            break
        }
    }

    /// `invoker-supervisor NAME --help`.
    package var help: String {
        let width = min(28, (options.map(\.usage.count).max() ?? 0) + 4)
        let lines = options.map { option in
            let usage = "  " + option.usage
            let padded = usage.count < width ? usage + String(repeating: " ", count: width - usage.count) : usage + "\n" + String(repeating: " ", count: width)
            return padded + option.help + (option.required ? " (required)" : "")
        }
        return "USAGE: invoker-supervisor \(synopsis)\n\n\(summary)\n" + (lines.isEmpty ? "" : "\nOPTIONS:\n" + lines.joined(separator: "\n") + "\n")
            + "  -h, --help" + String(repeating: " ", count: max(1, width - 12)) + "show this help\n"
    }
}

/// The options one command line gave, already checked against their declarations.
package struct ParsedOptions: Sendable {
    package let values: [String: String]
    let spec: SubcommandSpec

    /// The text of a value option, or nil when it was not given.
    package subscript(_ name: String) -> String? { values[name] }

    /// The text of an option the subcommand cannot do without.
    package func required(_ name: String) throws(UsageError) -> String {
        guard let value = values[name] else {
            let example = spec.options.first { $0.name == name }?.example ?? ""
            throw .missingOption(option: name, example: example, subcommand: spec.name)
        }
        return value
    }

    /// Whether a flag was given.
    package func flag(_ name: String) -> Bool { values[name] != nil }

    /// A `.wholeNumber` option's value.
    package func wholeNumber(_ name: String) -> Int? { values[name].flatMap { Int($0) } }

    /// A `.seconds` option's value.
    package func seconds(_ name: String) -> Double? { values[name].flatMap { Double($0) } }
}
