#if os(Windows)
import Foundation
import WinSDK

// MARK: - Toolhelp backend

func platformListProcesses() -> [ProcessRecord] {
    let snapshot = CreateToolhelp32Snapshot(DWORD(TH32CS_SNAPPROCESS), 0)
    guard snapshot != INVALID_HANDLE_VALUE else { return [] }
    defer { CloseHandle(snapshot) }
    var entry = PROCESSENTRY32W()
    entry.dwSize = DWORD(MemoryLayout<PROCESSENTRY32W>.size)
    var records: [ProcessRecord] = []
    var more = Process32FirstW(snapshot, &entry)
    while more {
        let name = withUnsafeBytes(of: entry.szExeFile) { bytes in
            String(decodingCString: bytes.bindMemory(to: WCHAR.self).baseAddress!, as: UTF16.self)
        }
        // Processes whose start time cannot be read (another user's elevated ones) are left out:
        // without it they have no identity.
        if let start = startTime(pid: entry.th32ProcessID) {
            records.append(ProcessRecord(name: ProcessName.normalized(name), pid: Int32(bitPattern: entry.th32ProcessID),
                                         parentPID: Int32(bitPattern: entry.th32ParentProcessID), startTime: start, commandLine: nil))
        }
        more = Process32NextW(snapshot, &entry)
    }
    return records
}

func platformRecord(pid: Int32) -> ProcessRecord? {
    platformListProcesses().first { $0.pid == pid }
}

/// When the process started, or nil when it cannot be opened or has exited.
private func startTime(pid: DWORD) -> Date? {
    guard let handle = OpenProcess(DWORD(PROCESS_QUERY_LIMITED_INFORMATION), false, pid) else { return nil }
    defer { CloseHandle(handle) }
    var code: DWORD = 0
    guard GetExitCodeProcess(handle, &code), code == DWORD(STILL_ACTIVE) else { return nil }
    var creation = FILETIME(), exit = FILETIME(), kernel = FILETIME(), user = FILETIME()
    guard GetProcessTimes(handle, &creation, &exit, &kernel, &user) else { return nil }
    return FileTime.date(ticks: FileTime.ticks(low: creation.dwLowDateTime, high: creation.dwHighDateTime))
}
#endif
