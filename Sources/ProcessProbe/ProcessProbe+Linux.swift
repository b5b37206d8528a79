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
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { Int32($0) }.sorted().compactMap { record(pid: $0, named: names) }
}

func platformRecord(pid: Int32) -> ProcessRecord? {
    record(pid: pid, named: nil)
}

/// One process's record, or nil when it is gone, a zombie, or not one of `names`. The command
/// line is read only for processes that can match, which keeps a filtered listing cheap.
private func record(pid: Int32, named names: [String]?) -> ProcessRecord? {
    guard let stat = linuxStat(pid: pid), stat.state != "Z" else { return nil }
    let commCut = stat.comm.utf8.count >= 15
    if !commCut, !ProcessProbe.isWatched(stat.comm, by: names) { return nil }
    let arguments = readBytes("/proc/\(pid)/cmdline").map(ProcStat.arguments(fromCmdline:)) ?? []
    let name = ProcStat.imageName(comm: stat.comm, arguments: arguments)
    guard ProcessProbe.isWatched(name, by: names) else { return nil }
    return ProcessRecord(
        name: name,
        pid: stat.pid,
        parentPID: stat.parentPID,
        startTime: stat.startTime(bootTime: bootTime, ticksPerSecond: ticksPerSecond),
        commandLine: arguments.isEmpty ? nil : arguments)
}

/// The parsed `/proc/<pid>/stat` of one process, or nil when it is gone.
package func linuxStat(pid: Int32) -> ProcStat? {
    readBytes("/proc/\(pid)/stat").flatMap { ProcStat.parse(bytes: $0) }
}

/// Every process's `/proc/<pid>/stat` (zombies included), in PID order.
package func linuxProcessTable() -> [ProcStat] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return entries.compactMap { Int32($0) }.sorted().compactMap(linuxStat(pid:))
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
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return n == 0 ? result : nil }
        result.append(contentsOf: buffer[0..<n])
    }
}
#endif
