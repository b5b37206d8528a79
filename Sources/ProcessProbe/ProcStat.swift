import Foundation

/// The fields of a Linux `/proc/<pid>/stat` line that the product uses.
public struct ProcStat: Equatable, Sendable {
    public let pid: Int32
    /// The kernel's short command name (at most 15 bytes).
    public let comm: String
    /// One-letter scheduler state; `Z` is a zombie (exited, not yet reaped).
    public let state: Character
    public let parentPID: Int32
    public let processGroup: Int32
    /// Start time in clock ticks since boot.
    public let startTicks: UInt64

    /// Parses one stat line, or returns nil when it is not one.
    /// The command name may itself contain spaces and parentheses; it runs to the last `)`.
    public static func parse(_ line: String) -> ProcStat? {
        guard let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close,
              let pid = Int32(line[..<open].trimmingCharacters(in: .whitespaces))
        else { return nil }
        let comm = String(line[line.index(after: open)..<close])
        let rest = line[line.index(after: close)...].split(separator: " ")
        // rest[0] is field 3 (state); starttime is field 22.
        guard rest.count >= 20, let state = rest[0].first,
              let ppid = Int32(rest[1]), let pgrp = Int32(rest[2]), let start = UInt64(rest[19])
        else { return nil }
        return ProcStat(pid: pid, comm: comm, state: state, parentPID: ppid, processGroup: pgrp, startTicks: start)
    }

    /// Converts the start ticks to a wall-clock date, given the boot time (`btime` in /proc/stat)
    /// and the clock tick rate.
    public func startTime(bootTime: TimeInterval, ticksPerSecond: Int) -> Date {
        Date(timeIntervalSince1970: bootTime + Double(startTicks) / Double(ticksPerSecond))
    }

    /// Reads `btime` (seconds since the epoch at boot) from the text of `/proc/stat`.
    public static func bootTime(fromProcStat text: String) -> TimeInterval? {
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return TimeInterval(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Splits the NUL-separated text of `/proc/<pid>/cmdline` into arguments.
    public static func arguments(fromCmdline data: [UInt8]) -> [String] {
        guard !data.isEmpty else { return [] }
        return data.split(separator: 0, omittingEmptySubsequences: false)
            .dropLast(data.last == 0 ? 1 : 0)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The image name: the kernel's `comm`, unless it was cut at 15 bytes and the first
    /// argument's file name continues it, in which case that full name.
    public static func imageName(comm: String, arguments: [String]) -> String {
        guard comm.utf8.count >= 15, let first = arguments.first else { return ProcessName.normalized(comm) }
        let full = ProcessName.normalized(first)
        return full.hasPrefix(comm) ? full : ProcessName.normalized(comm)
    }
}
