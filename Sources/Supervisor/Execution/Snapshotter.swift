import Foundation
import SupervisorPlatform
import ProcessProbe

/// Takes process snapshots of the watched names, appends each to snapshots.ndjson and boot.log,
/// and remembers it so the next one can say what appeared and what is gone.
package final class Snapshotter {
    package let watch: [String]
    private let ndjson: AppendFile?
    private let bootLog: BootLog?
    private var previous: [ProcessSnapshot.Entry]?

    /// `previous` is the last snapshot's processes (nil: this is the first).
    package init(watch: [String], ndjson: AppendFile?, bootLog: BootLog?, previous: [ProcessSnapshot.Entry]? = nil) {
        self.watch = watch
        self.ndjson = ndjson
        self.bootLog = bootLog
        self.previous = previous
    }

    /// Lists the watched processes now and records the snapshot.
    @discardableResult
    package func take(_ phase: String) -> ProcessSnapshot {
        let records = ProcessProbe.processes(named: watch, windowTitles: true)
        let snapshot = ProcessSnapshot(phase: phase, at: Timestamp.iso8601(Date()), watch: watch,
                                       processes: records.map(ProcessSnapshot.Entry.init), previous: previous)
        previous = snapshot.processes
        ndjson?.append(snapshot.jsonLine + "\n")
        bootLog?.write(.snapshot(snapshot))
        return snapshot
    }

    /// `snapshot phase=pre-invoker pwsh=2 LVCompare=1 LabVIEW=1[ appeared=P,…][ gone=P,…]`.
}
