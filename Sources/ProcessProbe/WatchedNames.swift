/// The watched image names, prepared once per listing so each process's kernel name can be
/// ruled out from its bytes, without building a string (`ProcessName`'s rules: no directory, no
/// `.exe`, ASCII letters in any case).
struct WatchedNames {
    private let names: [String]
    /// Each name as `ProcessName.normalized` and lowercased, in bytes; nil when a name is not
    /// ASCII, and then nothing is ruled out here.
    private let wanted: [[UInt8]]?

    init(_ names: [String]) {
        self.names = names
        let normalized = names.map { ProcessName.normalized($0).lowercased() }
        wanted = normalized.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? normalized.map { Array($0.utf8) } : nil
    }

    /// Whether `name` is one of the names (`ProcessName.matches`).
    func includes(_ name: String) -> Bool {
        ProcessProbe.isWatched(name, by: names)
    }

    /// False only when `raw` (a name in bytes) is certainly none of the names.
    func mayMatch(_ raw: ArraySlice<UInt8>) -> Bool {
        // Non-ASCII bytes could lowercase to ASCII letters (K, the Kelvin sign, to k): not ruled out here.
        guard let wanted, raw.allSatisfy({ $0 < 0x80 }) else { return true }
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
        let trimmed = raw.reversed().drop(while: isSeparator).count
        var base = raw.prefix(trimmed)
        if let last = base.lastIndex(where: isSeparator) { base = base[(last + 1)...] }
        if trimmed == 0 { base = raw }
        if base.count >= 4, base.suffix(4).map(Self.lower).elementsEqual(".exe".utf8) { base = base.dropLast(4) }
        return wanted.contains { $0.count == base.count && $0.elementsEqual(base.lazy.map(Self.lower)) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
