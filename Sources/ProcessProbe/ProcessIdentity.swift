import Foundation

/// A process as the product names it everywhere: its PID together with its start time,
/// so that a PID the OS has reused for another program is never mistaken for ours.
public struct ProcessIdentity: Hashable, Sendable, CustomStringConvertible {
    /// The operating system's process id.
    public let pid: Int32
    /// When the process started (UTC).
    public let startTime: Date

    public init(pid: Int32, startTime: Date) {
        self.pid = pid
        self.startTime = startTime
    }

    public var description: String { "pid=\(pid) started=\(startTime.timeIntervalSince1970)" }
}
