import ProcessProbe

/// `/proc/<pid>/stat` bytes: `ProcStat.parse(bytes:)` against the byte-level rule written out here
/// on its own — the name from the first `(` to the last `)`, then fields split on single spaces.
@_cdecl("LLVMFuzzerTestOneInput")
public func procStatFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    let parsed = ProcStat.parse(bytes: bytes)
    let expected = ReferenceStat(bytes)
    FuzzCheck.require(parsed.map { [String($0.pid), $0.comm, String($0.state), String($0.parentPID), String($0.processGroup), String($0.startTicks)] }
                      == expected.map { [String($0.pid), $0.comm, String($0.state), String($0.parentPID), String($0.processGroup), String($0.startTicks)] },
                      "ProcStat \(String(describing: parsed)) but the reference \(String(describing: expected)) for \(bytes)")
    if let text = String(validating: bytes, as: UTF8.self) {
        FuzzCheck.require(ProcStat.parse(text) == parsed, "the String entry point differs for \(bytes)")
    }
    return 0
}

/// The reference: loops over indices, numbers through the standard library's own parsing.
struct ReferenceStat {
    var pid: Int32, comm: String, state: Character, parentPID: Int32, processGroup: Int32, startTicks: UInt64

    init?(_ bytes: [UInt8]) {
        var open = -1, close = -1
        for i in 0..<bytes.count {
            if bytes[i] == 0x28 && open < 0 { open = i }
            if bytes[i] == 0x29 { close = i }
        }
        guard open >= 0, close > open, close + 1 < bytes.count, bytes[close + 1] == 0x20 else { return nil }
        var pidEnd = open
        while pidEnd > 0 && bytes[pidEnd - 1] == 0x20 { pidEnd -= 1 }
        var rest = Array(bytes[(close + 2)...])
        if rest.last == 0x0A { rest.removeLast() }
        var fields: [[UInt8]] = [[]]
        for byte in rest {
            if byte == 0x20 { fields.append([]) } else { fields[fields.count - 1].append(byte) }
        }
        guard fields.count >= 20, fields[0].count == 1, fields[0][0] < 0x80,
              let pid = Self.number(Array(bytes[..<pidEnd]), as: Int32.self),
              let ppid = Self.number(fields[1], as: Int32.self), let pgrp = Self.number(fields[2], as: Int32.self),
              let start = Self.number(fields[19], as: UInt64.self) else { return nil }
        self.pid = pid
        comm = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        state = Character(Unicode.Scalar(fields[0][0]))
        parentPID = ppid
        processGroup = pgrp
        startTicks = start
    }

    /// `-`? then ASCII digits, the value in range.
    static func number<T: FixedWidthInteger>(_ field: [UInt8], as type: T.Type) -> T? {
        let digits = field.first == 0x2D ? Array(field.dropFirst()) : field
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }), T.isSigned || digits.count == field.count else { return nil }
        return T(String(decoding: field, as: UTF8.self), radix: 10)
    }
}
