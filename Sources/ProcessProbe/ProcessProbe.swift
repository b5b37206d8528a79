import Foundation

/// Lists the processes running on this machine.
public enum ProcessProbe {
    /// The names watched by default: the programs a LabVIEW compare job runs.
    public static let defaultWatch = ["pwsh", "LVCompare", "LabVIEW"]

    /// Every process that could be read; processes that vanish mid-read are left out.
    /// Window titles are looked up only when `windowTitles` is true (Windows; nil elsewhere).
    public static func listProcesses(windowTitles: Bool = false) -> [ProcessRecord] {
        platformListProcesses(named: nil, windowTitles: windowTitles)
    }

    /// The processes whose image name is one of `names` (case-insensitive, `.exe` optional).
    public static func processes(named names: [String], windowTitles: Bool = false) -> [ProcessRecord] {
        platformListProcesses(named: names, windowTitles: windowTitles)
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

    /// Whether `name` is one of `names` (nil: every name is).
    static func isWatched(_ name: String, by names: [String]?) -> Bool {
        guard let names else { return true }
        return names.contains { ProcessName.matches(name, $0) }
    }
}
