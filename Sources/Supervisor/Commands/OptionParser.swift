import SupervisorPlatform

/// Splits `--name value` / `--name=value` options of one subcommand and checks each is known.
package struct OptionParser {
    package let subcommand: String
    /// Known option names (with `--`) mapped to an example value shown when the value is missing.
    package let valueOptions: [String: String]
    /// Known options that take no value; they parse to an empty string.
    package var flags: Set<String> = []

    /// The options given, last one winning.
    package func parse(_ arguments: [String]) throws(UsageError) -> [String: String] {
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
            if flags.contains(argument) {
                values[argument] = ""
                index += 1
                continue
            }
            guard let example = valueOptions[name] else { throw .unknownOption(argument, subcommand: subcommand) }
            if value == nil {
                index += 1
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw .missingValue(option: name, example: example)
                }
                value = arguments[index]
            }
            // An empty value would quietly mean "here" for a folder or nothing for a file.
            guard value?.isEmpty == false else { throw .missingValue(option: name, example: example) }
            values[name] = value
            index += 1
        }
        return values
    }

    package static func wholeNumber(_ values: [String: String], _ option: String) throws(UsageError) -> Int? {
        guard let text = values[option] else { return nil }
        guard let number = Int(text) else { throw .badValue(option: option, value: text, expected: "a whole number") }
        return number
    }

    package static func seconds(_ values: [String: String], _ option: String) throws(UsageError) -> Double? {
        guard let text = values[option] else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw .badValue(option: option, value: text, expected: "a number of seconds")
        }
        return number
    }
}
