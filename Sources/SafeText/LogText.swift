/// Text from a process, a user or a file made safe to put into one line of a log, an error message
/// or the job log: control characters become visible escapes, so the text can neither end the line
/// nor start a new one.
package enum LogText {
    /// `text` with `\n`, `\r`, `\t` and every other control character (C0, DEL, C1, the Unicode
    /// line and paragraph separators) written as escapes; everything else, backslashes in Windows
    /// paths included, stays as it is.
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` escaped and in single quotes, for naming a value in a message.
    package static func quoted(_ text: String) -> String {
        "'" + escaped(text) + "'"
    }

    /// Whether `text` holds anything `escaped` would change.
    package static func isPlain(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: needsEscape)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
