import Foundation

/// One running process as seen by a probe.
public struct ProcessRecord: Hashable, Sendable {
    /// Image name without directory and without `.exe` (e.g. `LVCompare`).
    public let name: String
    public let pid: Int32
    public let parentPID: Int32
    /// When the process started (UTC). On Linux accurate to about a second: the kernel gives the
    /// boot time in whole seconds.
    public let startTime: Date
    /// The kernel's own start value, exact and stable: clock ticks since boot on Linux, the
    /// creation FILETIME on Windows. Identity compares this, never the derived `startTime`.
    public let startKey: UInt64
    /// The command line, when the platform exposes it cheaply (Linux; not Windows).
    public let commandLine: [String]?
    /// The title of the process's main window (Windows, and only when asked for).
    public let windowTitle: String?

    public init(name: String, pid: Int32, parentPID: Int32, startTime: Date, startKey: UInt64, commandLine: [String]?, windowTitle: String? = nil) {
        self.name = name
        self.pid = pid
        self.parentPID = parentPID
        self.startTime = startTime
        self.startKey = startKey
        self.commandLine = commandLine
        self.windowTitle = windowTitle
    }

    /// The PID + start time pair that identifies this process.
    public var identity: ProcessIdentity { ProcessIdentity(pid: pid, startTime: startTime) }
}
