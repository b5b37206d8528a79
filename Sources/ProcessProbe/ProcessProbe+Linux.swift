#if os(Linux)
import Foundation
import Glibc

// MARK: - /proc backend

private let ticksPerSecond = Int(sysconf(Int32(_SC_CLK_TCK)))

private let bootTime: TimeInterval = {
    let text = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? ""
    return ProcStat.bootTime(fromProcStat: text) ?? 0
}()

func platformListProcesses(named names: [String]?, windowTitles: Bool) -> [ProcessRecord] {
    let watched = names.map(WatchedNames.init)
    return procPIDs().compactMap { record(pid: $0, watched: watched) }
}

func platformRecord(pid: Int32) -> ProcessRecord? {
    record(pid: pid, watched: nil)
}

/// One process's record, or nil when it is gone, a zombie, or not one of `watched` (nil: any
/// name). A process whose whole kernel name is none of them is ruled out from the stat bytes
/// alone, and the command line is read only for processes that can match, which keeps a filtered
/// listing cheap.
private func record(pid: Int32, watched: WatchedNames?) -> ProcessRecord? {
    guard let bytes = readBytes("/proc/\(pid)/stat") else { return nil }
    if let watched, let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close,
       close - open - 1 < 15, !watched.mayMatch(bytes[(open + 1)..<close]) {
        return nil
    }
    guard let stat = ProcStat.parse(bytes: bytes), stat.state != "Z" else { return nil }
    let commCut = stat.comm.utf8.count >= 15
    if !commCut, watched?.includes(stat.comm) == false { return nil }
    let arguments = readBytes("/proc/\(pid)/cmdline").map(ProcStat.arguments(fromCmdline:)) ?? []
    let name = ProcStat.imageName(comm: stat.comm, arguments: arguments)
    guard watched?.includes(name) != false else { return nil }
    return ProcessRecord(
        name: name,
        pid: stat.pid,
        parentPID: stat.parentPID,
        startTime: stat.startTime(bootTime: bootTime, ticksPerSecond: ticksPerSecond),
        startKey: stat.startTicks,
        commandLine: arguments.isEmpty ? nil : arguments)
}

/// The parsed `/proc/<pid>/stat` of one process, or nil when it is gone.
package func linuxStat(pid: Int32) -> ProcStat? {
    readBytes("/proc/\(pid)/stat").flatMap { ProcStat.parse(bytes: $0) }
}

/// Every process's `/proc/<pid>/stat` (zombies included), in PID order.
package func linuxProcessTable() -> [ProcStat] {
    procPIDs().compactMap(linuxStat(pid:))
}

/// Whether the environment a process was started with holds `entry` (`NAME=value`) exactly.
/// False when it cannot be read (another user's process).
package func linuxEnvironment(of pid: Int32, contains entry: String) -> Bool {
    guard let bytes = readBytes("/proc/\(pid)/environ") else { return false }
    let wanted = Array(entry.utf8)
    return bytes.split(separator: 0).contains { $0.elementsEqual(wanted) }
}

/// Clock ticks since boot now, on the clock `/proc/<pid>/stat`'s start time uses.
package func linuxTicksSinceBoot() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    return UInt64(now.tv_sec) * UInt64(ticksPerSecond) + UInt64(now.tv_nsec) * UInt64(ticksPerSecond) / 1_000_000_000
}

private func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var result: [UInt8] = []
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> [UInt8]? in
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n == 0 ? result : nil }
            result.append(contentsOf: buffer[0..<n])
        }
    }
}

/// The PIDs under /proc, ascending.
private func procPIDs() -> [Int32] {
    guard let directory = opendir("/proc") else { return [] }
    defer { closedir(directory) }
    var pids: [Int32] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { ArraySlice($0.prefix(while: { $0 != 0 })) }
        if let pid = Int32(decimal: name), pid > 0 { pids.append(pid) }
    }
    return pids.sorted()
}
#endif
