/// Builds the single command-line string Windows' `CreateProcessW` takes from an argument array,
/// quoted so that the C runtime's `CommandLineToArgvW` rules give the same arguments back.
enum WindowsCommandLine {
    static func join(_ arguments: [String]) -> String {
        arguments.map(quote).joined(separator: " ")
    }

    /// One argument: left bare when it has no space, tab, newline or quote; otherwise quoted, with
    /// backslashes doubled where they precede a quote or the closing quote.
    static func quote(_ argument: String) -> String {
        guard argument.isEmpty || argument.contains(where: { " \t\n\u{0B}\"".contains($0) }) else { return argument }
        var result = "\""
        var backslashes = 0
        for character in argument {
            if character == "\\" {
                backslashes += 1
            } else if character == "\"" {
                result += String(repeating: "\\", count: backslashes * 2 + 1) + "\""
                backslashes = 0
            } else {
                result += String(repeating: "\\", count: backslashes) + String(character)
                backslashes = 0
            }
        }
        return result + String(repeating: "\\", count: backslashes * 2) + "\""
    }
}
