// Plain Swift with no imports: the unit tests and the quoting fuzz target (scripts/fuzz.sh) both
// compile this one file, so the property they check is held by the same model.

/// `CommandLineToArgvW`'s documented rules (the post-2008 C runtime ones), on Unicode scalars as
/// UTF-16 would be: the program name runs to the next quote or white space with no escapes; later
/// arguments split on unquoted spaces and tabs; 2n backslashes + `"` give n backslashes and toggle
/// quoting; 2n+1 backslashes + `"` give n and a literal quote; `""` inside quotes gives a literal quote.
enum CommandLineToArgvModel {
    static func parse(_ line: String) -> [String] {
        let units = Array(line.unicodeScalars)
        var index = 0
        var program = String.UnicodeScalarView()
        if index < units.count, units[index] == "\"" {
            index += 1
            while index < units.count, units[index] != "\"" { program.append(units[index]); index += 1 }
            index += 1
        } else {
            while index < units.count, units[index] != " ", units[index] != "\t" { program.append(units[index]); index += 1 }
        }
        var result = [String(program)]
        while true {
            while index < units.count, units[index] == " " || units[index] == "\t" { index += 1 }
            guard index < units.count else { return result }
            var argument = String.UnicodeScalarView()
            var quoted = false
            while index < units.count {
                let scalar = units[index]
                if scalar == "\\" {
                    var count = 0
                    while index < units.count, units[index] == "\\" { count += 1; index += 1 }
                    if index < units.count, units[index] == "\"" {
                        argument.append(contentsOf: repeatElement("\\", count: count / 2))
                        if count % 2 == 1 { argument.append("\""); index += 1 }
                    } else {
                        argument.append(contentsOf: repeatElement("\\", count: count))
                    }
                } else if scalar == "\"" {
                    if quoted, index + 1 < units.count, units[index + 1] == "\"" {
                        argument.append("\""); index += 2
                    } else {
                        quoted.toggle(); index += 1
                    }
                } else if !quoted, scalar == " " || scalar == "\t" {
                    break
                } else {
                    argument.append(scalar); index += 1
                }
            }
            result.append(String(argument))
        }
    }
}
