import SafeText

/// Builds the single command-line string `CreateProcessW` takes from an argument vector, so that
/// `CommandLineToArgvW` (and the C runtime) give the same vector back. Works on Unicode scalars,
/// never on `Character`s, so a combining mark cannot hide a space or a quote.
package enum WindowsCommandLine {
    /// `program` then `arguments`, each quoted as its position needs.
    package static func join(program: String, arguments: [String]) throws(PlatformError) -> String {
        ([try quoteProgram(program)] + arguments.map(quote)).joined(separator: " ")
    }

    /// The program name, which Windows reads up to the next quote with no escapes: quoted when it
    /// holds a space or tab (or is empty), left as is otherwise; a quote in it cannot be passed.
    package static func quoteProgram(_ program: String) throws(PlatformError) -> String {
        if program.unicodeScalars.contains("\"") {
            throw PlatformError(message: "program name \(LogText.quoted(program)) contains '\"', which Windows cannot pass; rename the file or folder")
        }
        if program.isEmpty || program.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" }) { return "\"" + program + "\"" }
        return program
    }

    /// One argument: left bare when it has no space, tab, newline, vertical tab or quote; otherwise
    /// quoted, with backslashes doubled where they precede a quote or the closing quote.
    package static func quote(_ argument: String) -> String {
        let special: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{0B}", "\""]
        guard argument.isEmpty || argument.unicodeScalars.contains(where: special.contains) else { return argument }
        var result = String.UnicodeScalarView()
        result.append("\"")
        var backslashes = 0
        for scalar in argument.unicodeScalars {
            switch scalar {
            case "\\":
                backslashes += 1
            case "\"":
                result.append(contentsOf: repeatElement("\\", count: backslashes * 2 + 1))
                result.append("\"")
                backslashes = 0
            default:
                result.append(contentsOf: repeatElement("\\", count: backslashes))
                result.append(scalar)
                backslashes = 0
            }
        }
        result.append(contentsOf: repeatElement("\\", count: backslashes * 2))
        result.append("\"")
        return String(result)
    }
}
