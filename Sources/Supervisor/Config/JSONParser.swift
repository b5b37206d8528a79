import SupervisorPlatform
import SafeText

/// Reads a JSON document (RFC 8259) byte by byte into a `JSONValue`, in one linear pass. Stricter
/// than Foundation where a config needs it: a key repeated in one object is an error naming the
/// key (never first-wins or last-wins), and nesting deeper than `maxDepth` is refused.
package struct JSONParser {
    /// Why a document was refused: what, where (line and column, 1-based) and, for a repeated key,
    /// its path.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package let message: String
        package let line: Int
        package let column: Int
        /// The repeated key's path (`steps[2].name`), when that was the problem.
        package let duplicateKey: String?

        package var description: String { "\(message) at line \(line), column \(column)" }
    }

    package static let maxDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    /// The keys and indexes from the root to the value being read, for naming a repeated key.
    private var trail: [Step] = []

    private enum Step {
        case key(String)
        case index(Int)
    }

    /// Parses `bytes` (a UTF-8 BOM is allowed).
    package static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the document") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
        skipSpace()
        guard index < bytes.count else { throw failure("unexpected end of the document") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let keyStart = index
            let key = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            index += 1
            trail.append(.key(key))
            let member = try value(depth: depth + 1)
            guard members.updateValue(member, forKey: key) == nil else {
                index = keyStart
                throw failure("the key '\(LogText.escaped(key))' appears twice in one object", duplicateKey: trailPath)
            }
            trail.removeLast()
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            trail.append(.index(elements.count))
            elements.append(try value(depth: depth + 1))
            trail.removeLast()
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    /// A string's text: its bytes as they are when it has no escape, else collected with the
    /// escapes written out; UTF-8 checked once, at the closing quote.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        var unescaped: [UInt8]?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let text = unescaped.map { String(validating: $0, as: UTF8.self) } ?? String(validating: bytes[start..<index], as: UTF8.self)
                guard let text else { throw failure("text that is not UTF-8") }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                if unescaped == nil { unescaped = Array(bytes[start..<index]) }
                index += 1
                UTF8.encode(try escape()) { unescaped!.append($0) }
            case 0..<0x20:
                throw failure("a control character inside a string (write it as an escape)")
            default:
                unescaped?.append(byte)
                index += 1
            }
        }
        throw failure("a string without its closing quote")
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek else { throw failure("a string ending in '\\'") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit) {
                guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("a lone UTF-16 surrogate in a \\u escape")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone UTF-16 surrogate in a \\u escape") }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw failure("a lone UTF-16 surrogate in a \\u escape") }
            return scalar
        default:
            throw failure("an unknown escape in a string")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape with a non-hex digit")
            }
            value = value * 16 + UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func number() throws(Failure) -> Double {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw failure("unexpected character") }
        if first == UInt8(ascii: "0") { index += 1 } else { digits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let next = peek, isDigit(next) else { throw failure("a number with no digits after '.'") }
            digits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let next = peek, isDigit(next) else { throw failure("a number with no digits in its exponent") }
            digits()
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
            throw failure("a number out of range")
        }
        return value
    }

    private mutating func digits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private mutating func word(_ text: String) throws(Failure) {
        let expected = Array(text.utf8)
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            throw failure("unexpected word")
        }
        index += expected.count
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// The trail as a config path: `steps[2].name`.
    private var trailPath: String {
        var path = ""
        for step in trail {
            switch step {
            case .key(let key): path += path.isEmpty ? key : "." + key
            case .index(let position): path += "[\(position)]"
            }
        }
        return path
    }

    private func failure(_ message: String, duplicateKey: String? = nil) -> Failure {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(message: message, line: line, column: column, duplicateKey: duplicateKey)
    }
}
