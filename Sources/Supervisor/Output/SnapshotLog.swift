import Foundation
import SupervisorPlatform

/// Reads snapshots.ndjson back (for summaries written after the fact, e.g. by `stop`).
package enum SnapshotLog {
    /// The snapshots taken at or after `since` (UTC ISO-8601 ms), in order; the processes a line
    /// lists as gone get their names from the line before it.
    package static func read(_ path: String, since: String) -> [ProcessSnapshot] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var previous: [ProcessSnapshot.Entry] = []
        var result: [ProcessSnapshot] = []
        for line in text.split(separator: "\n") {
            guard var snapshot = ProcessSnapshot(jsonLine: String(line)) else { continue }
            snapshot.gone = snapshot.gone.map { gone in previous.first { $0.pid == gone.pid } ?? gone }
            previous = snapshot.processes
            if snapshot.at >= since { result.append(snapshot) }
        }
        return result
    }
}
