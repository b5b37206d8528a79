import Foundation

/// The last line of a file that means something, read from the end: a step's cost does not grow
/// with the lines earlier steps appended.
package enum FileTail {
    /// The value of the last line `transform` accepts, reading back `chunk` bytes at a time; nil
    /// when the file cannot be read or no line is accepted.
    package static func lastLine<Value>(in path: String, chunk: Int = 64 * 1024, _ transform: (String) -> Value?) -> Value? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard var end = try? handle.seekToEnd() else { return nil }
        var carried = Data()
        while end > 0 {
            let start = end > UInt64(chunk) ? end - UInt64(chunk) : 0
            guard (try? handle.seek(toOffset: start)) != nil, let read = try? handle.read(upToCount: Int(end - start)) else { return nil }
            var block = read + carried
            // The first line of a block may be cut: keep it for the next (earlier) block.
            let firstBreak = start == 0 ? nil : block.firstIndex(of: UInt8(ascii: "\n"))
            carried = firstBreak.map { Data(block[block.startIndex..<$0]) } ?? Data()
            if let firstBreak { block = Data(block[(firstBreak + 1)...]) } else if start > 0 { carried = block; block = Data() }
            for line in block.split(separator: UInt8(ascii: "\n")).reversed() {
                if let value = transform(String(decoding: line, as: UTF8.self)) { return value }
            }
            end = start
        }
        return nil
    }
}
