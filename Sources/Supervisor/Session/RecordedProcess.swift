import ProcessProbe
import SupervisorPlatform

/// A process as session.json and the daemon's status record it: the PID, the start time for
/// people (UTC; on Linux accurate to about a second) and the kernel's exact start value
/// (`startKey`: clock ticks since boot on Linux, the creation FILETIME on Windows, as decimal text).
package protocol RecordedProcess {
    var pid: Int32 { get }
    var startTime: String { get }
    /// Absent in files written before it was recorded; then the start time is compared.
    var startKey: String? { get }
}

package extension RecordedProcess {
    /// Whether this very process is still running: same PID and same kernel start value, so a
    /// reused PID is never taken for it, and a shift in the boot-time reading never makes a live
    /// process look gone.
    var isAlive: Bool {
        guard let record = ProcessProbe.record(pid: pid) else { return false }
        if let startKey { return String(record.startKey) == startKey }
        return Timestamp.iso8601(record.startTime) == startTime
    }
}

package extension SessionFile.Process {
    init(_ record: ProcessRecord) {
        self.init(pid: record.pid, startTime: Timestamp.iso8601(record.startTime), startKey: String(record.startKey))
    }
}

package extension SessionFile.Invoker {
    init(_ record: ProcessRecord, tree: ProcessTreeID) {
        self.init(pid: record.pid, startTime: Timestamp.iso8601(record.startTime), startKey: String(record.startKey), tree: tree)
    }
}
