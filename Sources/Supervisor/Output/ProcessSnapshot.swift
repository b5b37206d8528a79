import Foundation
import SupervisorPlatform
import ProcessProbe

/// The watched processes at one phase of a run, and what changed since the previous snapshot.
/// Written as one `process-snapshot/v1` line of snapshots.ndjson (docs/snapshots.md).
package struct ProcessSnapshot: Equatable, Sendable {
    /// One process as a snapshot records it; its identity is `pid` + `startTime`.
    package struct Entry: Equatable, Sendable {
        package var name: String
        package var pid: Int32
        package var parentPID: Int32
        /// UTC ISO-8601 with milliseconds, as everywhere in the product.
        package var startTime: String
        package var commandLine: [String]?
        package var windowTitle: String?

        package init(name: String, pid: Int32, parentPID: Int32, startTime: String, commandLine: [String]? = nil, windowTitle: String? = nil) {
            self.name = name
            self.pid = pid
            self.parentPID = parentPID
            self.startTime = startTime
            self.commandLine = commandLine
            self.windowTitle = windowTitle
        }

        package init(_ record: ProcessRecord) {
            self.init(name: record.name, pid: record.pid, parentPID: record.parentPID,
                      startTime: Timestamp.iso8601(record.startTime), commandLine: record.commandLine,
                      windowTitle: record.windowTitle)
        }

        package func isSameProcess(as other: Entry) -> Bool { pid == other.pid && startTime == other.startTime }
    }

    package static let schema = "process-snapshot/v1"

    package var phase: String
    /// UTC ISO-8601 with milliseconds.
    package var at: String
    package var watch: [String]
    package var processes: [Entry]
    /// Processes not in the previous snapshot (none when there is no previous snapshot).
    package var appeared: [Entry]
    /// Processes of the previous snapshot that are no longer running.
    package var gone: [Entry]

    /// A snapshot of `processes` compared with `previous` (identity: PID and start time).
    package init(phase: String, at: String, watch: [String], processes: [Entry], previous: [Entry]?) {
        self.phase = phase
        self.at = at
        self.watch = watch
        self.processes = processes
        guard let previous else {
            appeared = []
            gone = []
            return
        }
        appeared = processes.filter { now in !previous.contains { $0.isSameProcess(as: now) } }
        gone = previous.filter { then in !processes.contains { $0.isSameProcess(as: then) } }
    }

    /// How many processes of each watched name are running, in watch order.
    package var counts: [(name: String, count: Int)] {
        watch.map { name in (name, processes.filter { ProcessName.matches($0.name, name) }.count) }
    }

    /// The NDJSON line (without its newline).
    package var jsonLine: String {
        OrderedJSON.object([
            ("schema", .string(Self.schema)),
            ("phase", .string(phase)),
            ("at", .string(at)),
            ("watch", .array(watch.map(OrderedJSON.string))),
            ("processes", .array(processes.map(Self.json))),
            ("appeared", .array(appeared.map { .integer(Int64($0.pid)) })),
            ("gone", .array(gone.map { .integer(Int64($0.pid)) })),
        ]).text
    }

    private static func json(_ entry: Entry) -> OrderedJSON {
        var fields: [(String, OrderedJSON)] = [
            ("name", .string(entry.name)), ("pid", .integer(Int64(entry.pid))),
            ("ppid", .integer(Int64(entry.parentPID))), ("startTime", .string(entry.startTime)),
        ]
        if let commandLine = entry.commandLine { fields.append(("commandLine", .array(commandLine.map(OrderedJSON.string)))) }
        if let title = entry.windowTitle { fields.append(("windowTitle", .string(title))) }
        return .object(fields)
    }

    /// A snapshot line read back from snapshots.ndjson, or nil when it is not a `process-snapshot/v1` object.
    package init?(jsonLine line: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              object["schema"] as? String == Self.schema,
              let phase = object["phase"] as? String, let at = object["at"] as? String,
              let processes = object["processes"] as? [[String: Any]] else { return nil }
        let entries: [Entry] = processes.compactMap { item in
            guard let name = item["name"] as? String, let pid = (item["pid"] as? NSNumber)?.int32Value,
                  let ppid = (item["ppid"] as? NSNumber)?.int32Value, let start = item["startTime"] as? String else { return nil }
            return Entry(name: name, pid: pid, parentPID: ppid, startTime: start,
                         commandLine: item["commandLine"] as? [String], windowTitle: item["windowTitle"] as? String)
        }
        let appeared = Set(((object["appeared"] as? [NSNumber]) ?? []).map(\.int32Value))
        self.phase = phase
        self.at = at
        self.watch = (object["watch"] as? [String]) ?? []
        self.processes = entries
        self.appeared = entries.filter { appeared.contains($0.pid) }
        // Gone processes are listed by PID only; their names are not in the line.
        self.gone = ((object["gone"] as? [NSNumber]) ?? []).map { Entry(name: "process", pid: $0.int32Value, parentPID: 0, startTime: "") }
    }

    /// The processes of a snapshot line read back from snapshots.ndjson, or nil when the line is
    /// not a `process-snapshot/v1` object.
    package static func entries(fromJSONLine line: String) -> [Entry]? {
        ProcessSnapshot(jsonLine: line)?.processes
    }
}
