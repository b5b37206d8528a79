#if os(Windows)
import Foundation
import WinSDK

// MARK: - Toolhelp backend

func platformListProcesses(named names: [String]?, windowTitles: Bool) -> [ProcessRecord] {
    let snapshot = CreateToolhelp32Snapshot(DWORD(TH32CS_SNAPPROCESS), 0)
    guard snapshot != INVALID_HANDLE_VALUE else { return [] }
    defer { CloseHandle(snapshot) }
    let titles = windowTitles ? mainWindowTitles() : [:]
    var entry = PROCESSENTRY32W()
    entry.dwSize = DWORD(MemoryLayout<PROCESSENTRY32W>.size)
    var records: [ProcessRecord] = []
    var more = Process32FirstW(snapshot, &entry)
    while more {
        let name = ProcessName.normalized(withUnsafeBytes(of: entry.szExeFile) { bytes in
            String(decodingCString: bytes.bindMemory(to: WCHAR.self).baseAddress!, as: UTF16.self)
        })
        // Processes whose start time cannot be read (another user's elevated ones) are left out:
        // without it they have no identity.
        if ProcessProbe.isWatched(name, by: names), let created = creationTicks(pid: entry.th32ProcessID) {
            let pid = Int32(bitPattern: entry.th32ProcessID)
            records.append(ProcessRecord(name: name, pid: pid, parentPID: Int32(bitPattern: entry.th32ParentProcessID),
                                         startTime: FileTime.date(ticks: created), startKey: created, commandLine: nil, windowTitle: titles[pid]))
        }
        more = Process32NextW(snapshot, &entry)
    }
    return records
}

func platformRecord(pid: Int32) -> ProcessRecord? {
    platformListProcesses(named: nil, windowTitles: false).first { $0.pid == pid }
}

/// The process's creation FILETIME (100 ns ticks since 1601), or nil when it cannot be opened or has exited.
private func creationTicks(pid: DWORD) -> UInt64? {
    guard let handle = OpenProcess(DWORD(PROCESS_QUERY_LIMITED_INFORMATION), false, pid) else { return nil }
    defer { CloseHandle(handle) }
    var code: DWORD = 0
    guard GetExitCodeProcess(handle, &code), code == DWORD(STILL_ACTIVE) else { return nil }
    var creation = FILETIME(), exit = FILETIME(), kernel = FILETIME(), user = FILETIME()
    guard GetProcessTimes(handle, &creation, &exit, &kernel, &user) else { return nil }
    return FileTime.ticks(low: creation.dwLowDateTime, high: creation.dwHighDateTime)
}

// MARK: - Window titles

/// The title of each process's first visible, titled top-level window.
private func mainWindowTitles() -> [Int32: String] {
    final class Collector { var titles: [Int32: String] = [:] }
    let collector = Collector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    EnumWindows({ window, parameter in
        guard let window, IsWindowVisible(window), let context = UnsafeRawPointer(bitPattern: Int(parameter)) else { return true }
        var buffer = [WCHAR](repeating: 0, count: 512)
        let length = GetWindowTextW(window, &buffer, Int32(buffer.count))
        guard length > 0 else { return true }
        var owner: DWORD = 0
        GetWindowThreadProcessId(window, &owner)
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        let pid = Int32(bitPattern: owner)
        if collector.titles[pid] == nil {
            collector.titles[pid] = String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
        return true
    }, LPARAM(Int(bitPattern: context)))
    return collector.titles
}
#endif
