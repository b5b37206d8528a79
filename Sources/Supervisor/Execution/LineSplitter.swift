/// Cuts a byte stream into text lines (LF or CRLF). A line longer than `maxLineBytes` is passed on in pieces.
package struct LineSplitter {
    package let maxLineBytes: Int
    private var pending: [UInt8] = []

    package init(maxLineBytes: Int = 65536) {
        self.maxLineBytes = maxLineBytes
    }

    /// Adds bytes and returns the lines they complete.
    package mutating func feed(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == 10 {
                lines.append(flush())
            } else {
                pending.append(byte)
                if pending.count >= maxLineBytes { lines.append(flush()) }
            }
        }
        return lines
    }

    /// The unterminated rest, if any (call at end of stream).
    package mutating func finish() -> String? {
        pending.isEmpty ? nil : flush()
    }

    private mutating func flush() -> String {
        if pending.last == 13 { pending.removeLast() }
        defer { pending.removeAll(keepingCapacity: true) }
        return String(decoding: pending, as: UTF8.self)
    }
}
