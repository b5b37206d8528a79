import SupervisorPlatform

/// Argument vectors (NUL-separated input, the first the program) through `WindowsCommandLine.join`
/// and back through a model of `CommandLineToArgvW`: the same vector, or a refused program name
/// that holds a quote.
@_cdecl("LLVMFuzzerTestOneInput")
public func quotingFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let pieces = FuzzCheck.bytes(data, size).split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let program = pieces[0]
    let arguments = Array(pieces.dropFirst())
    do {
        let line = try WindowsCommandLine.join(program: program, arguments: arguments)
        FuzzCheck.require(!program.unicodeScalars.contains("\""), "a program name with a quote was accepted: \(line)")
        let back = CommandLineToArgvModel.parse(line)
        FuzzCheck.require(back == [program] + arguments, "\(pieces) came back as \(back) from \(line)")
    } catch {
        FuzzCheck.require(program.unicodeScalars.contains("\""), "refused without a quote in the program name: \(error)")
        FuzzCheck.require(!error.description.contains("\n"), "a two-line error: \(error.description)")
    }
    return 0
}

/// `CommandLineToArgvW`'s documented rules (post-2008 C runtime): the program name runs to the next
/// quote or white space with no escapes; later arguments split on unquoted spaces and tabs; 2n
/// backslashes + `"` give n backslashes and toggle quoting; 2n+1 backslashes + `"` give n and a
/// literal quote; `""` inside quotes gives a literal quote. On Unicode scalars, as UTF-16 would.
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
