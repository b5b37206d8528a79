import Foundation

/// Lists the processes running on this machine.
public enum ProcessProbe {
    /// Every process that could be read; processes that vanish mid-read are left out.
    public static func listProcesses() -> [ProcessRecord] {
        platformListProcesses()
    }

    /// The processes whose image name is one of `names` (case-insensitive, `.exe` optional).
    public static func processes(named names: [String]) -> [ProcessRecord] {
        listProcesses().filter { record in names.contains { ProcessName.matches(record.name, $0) } }
    }

    /// Whether the process with this identity is still running: the PID exists, is not a zombie,
    /// and started at the same time. A reused PID is reported as not alive.
    public static func isAlive(_ identity: ProcessIdentity) -> Bool {
        platformRecord(pid: identity.pid)?.startTime == identity.startTime
    }

    /// The record of one process, or nil when it does not exist or has exited.
    public static func record(pid: Int32) -> ProcessRecord? {
        platformRecord(pid: pid)
    }
}
