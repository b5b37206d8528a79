import SafeText

/// How a `.bat` / `.cmd` program is started: through `cmd.exe`, whose parsing the usual argument
/// quoting does not protect (the "BatBadBut" class, CVE-2024-24576). Arguments that cmd.exe could
/// read as anything but text are refused, naming the argument; the rest are quoted for cmd.exe.
///
/// The line is `cmd.exe /d /e:ON /v:OFF /s /c ""SCRIPT" ARG …"`: no AutoRun commands, delayed
/// expansion off, and `/s` so cmd.exe strips exactly the outer quotes.
package enum WindowsBatchLine {
    /// Characters cmd.exe may act on even inside quotes, or that end or split a command.
    package static let refused: Set<Unicode.Scalar> = ["\"", "%", "!", "^", "&", "|", "<", ">"]

    package static func isBatch(_ executable: String) -> Bool {
        guard let ext = WindowsPath.pathExtension(executable)?.lowercased() else { return false }
        return ext == ".bat" || ext == ".cmd"
    }

    /// The command line for running `script` with `arguments` through `interpreter` (cmd.exe).
    package static func commandLine(interpreter: String, script: String, arguments: [String]) throws(PlatformError) -> String {
        if let bad = script.unicodeScalars.first(where: { refusedInScript($0) }) {
            throw PlatformError(message: "batch file path \(LogText.quoted(script)) contains \(LogText.quoted(String(bad))), which cmd.exe would interpret; move the script")
        }
        var quoted: [String] = []
        for (index, argument) in arguments.enumerated() {
            if let bad = argument.unicodeScalars.first(where: { refused.contains($0) || isControl($0) }) {
                throw PlatformError(message: "argument \(index + 1) \(LogText.quoted(argument)) of batch file \(LogText.quoted(script)) contains \(LogText.quoted(String(bad))), which cannot be passed to cmd.exe safely; remove it or call the program the batch file runs directly")
            }
            let needsQuotes = argument.isEmpty || argument.unicodeScalars.contains { " \t,;=()".unicodeScalars.contains($0) }
            quoted.append(needsQuotes ? "\"" + argument + "\"" : argument)
        }
        let inner = (["\"" + script + "\""] + quoted).joined(separator: " ")
        return try WindowsCommandLine.quoteProgram(interpreter) + " /d /e:ON /v:OFF /s /c \"" + inner + "\""
    }

    private static func refusedInScript(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "%" || scalar == "!" || isControl(scalar)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
