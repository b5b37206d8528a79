import Foundation

/// The fields of a Linux `/proc/<pid>/stat` line that the product uses.
package struct ProcStat: Equatable, Sendable {
    package let pid: Int32
    /// The kernel's short command name (at most 15 bytes).
    package let comm: String
    /// One-letter scheduler state; `Z` is a zombie (exited, not yet reaped).
    package let state: Character
    package let parentPID: Int32
    package let processGroup: Int32
    /// Start time in clock ticks since boot.
    package let startTicks: UInt64

    /// Parses one stat line, or returns nil when it is not one.
    package static func parse(_ line: String) -> ProcStat? {
        parse(bytes: Array(line.utf8))
    }

    /// Parses the bytes of `/proc/<pid>/stat`. The command name, which any process may set to any
    /// bytes (spaces, parentheses, bytes that are not UTF-8), runs from the first `(` to the
    /// **last** `)`; the fields after it are split on single spaces. Bytes, never characters: a
    /// combining mark in the name cannot merge with the `)` or a space and shift the fields.
    package static func parse(bytes: [UInt8]) -> ProcStat? {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")),
              open < close, close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: " "),
              let pid = Int32(decimal: bytes[..<open].dropLast(while: { $0 == UInt8(ascii: " ") }))
        else { return nil }
        let comm = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        var rest = bytes[(close + 2)...]
        if rest.last == UInt8(ascii: "\n") { rest = rest.dropLast() }
        let fields = rest.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        // fields[0] is field 3 (state); starttime is field 22.
        guard fields.count >= 20, fields[0].count == 1, let stateByte = fields[0].first, stateByte < 0x80,
              let ppid = Int32(decimal: fields[1]), let pgrp = Int32(decimal: fields[2]), let start = UInt64(decimal: fields[19])
        else { return nil }
        return ProcStat(pid: pid, comm: comm, state: Character(Unicode.Scalar(stateByte)), parentPID: ppid,
                        processGroup: pgrp, startTicks: start)
    }

    /// Converts the start ticks to a wall-clock date, given the boot time (`btime` in /proc/stat)
    /// and the clock tick rate.
    package func startTime(bootTime: TimeInterval, ticksPerSecond: Int) -> Date {
        Date(timeIntervalSince1970: bootTime + Double(startTicks) / Double(ticksPerSecond))
    }

    /// Reads `btime` (seconds since the epoch at boot) from the text of `/proc/stat`.
    package static func bootTime(fromProcStat text: String) -> TimeInterval? {
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return TimeInterval(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Splits the NUL-separated text of `/proc/<pid>/cmdline` into arguments.
    package static func arguments(fromCmdline data: [UInt8]) -> [String] {
        guard !data.isEmpty else { return [] }
        return data.split(separator: 0, omittingEmptySubsequences: false)
            .dropLast(data.last == 0 ? 1 : 0)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The image name: the kernel's `comm`, unless it was cut at 15 bytes and the first
    /// argument's file name continues it, in which case that full name.
    package static func imageName(comm: String, arguments: [String]) -> String {
        guard comm.utf8.count >= 15, let first = arguments.first else { return ProcessName.normalized(comm) }
        let full = ProcessName.normalized(first)
        return full.hasPrefix(comm) ? full : ProcessName.normalized(comm)
    }
}

private extension ArraySlice where Element == UInt8 {
    func dropLast(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        var slice = self
        while let last = slice.last, predicate(last) { slice = slice.dropLast() }
        return slice
    }
}

extension FixedWidthInteger {
    /// A decimal number written in ASCII bytes (an optional leading `-`, any number of leading
    /// zeros) whose value fits the type, or nil.
    init?(decimal bytes: ArraySlice<UInt8>) {
        var digits = bytes
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, !negative || Self.isSigned else { return nil }
        var value: Self = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let digit = Self(byte - 0x30)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
        }
        self = value
    }
}
