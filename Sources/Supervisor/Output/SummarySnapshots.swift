/// The process-snapshot sections of a summary, kept as a run goes: the first ones while they fit
/// the summary's size limit, then only the latest — held as their markdown, so memory stays flat
/// however many steps run, and the summary is the same as if every snapshot had been kept.
package struct SummarySnapshots: Equatable, Sendable {
    /// The first sections, which fit `limit` bytes together.
    package private(set) var first: [String] = []
    /// The latest section once `first` is full (always shown last).
    package private(set) var latest: String?
    /// Sections taken between `first` and `latest`, no longer held.
    package private(set) var leftOut = 0
    /// The phase of every snapshot, in order.
    package private(set) var phases: [String] = []
    private var bytes = 0
    private let limit: Int

    package init(limit: Int = OrderedSummary.defaultLimit) {
        self.limit = limit
    }

    package init(_ snapshots: [ProcessSnapshot], limit: Int = OrderedSummary.defaultLimit) {
        self.init(limit: limit)
        snapshots.forEach { add($0) }
    }

    package mutating func add(_ snapshot: ProcessSnapshot) {
        phases.append(snapshot.phase)
        let section = SnapshotMarkdown.section(snapshot, maxLines: OrderedSummary.processLinesPerSection)
        if latest == nil, bytes + section.utf8.count <= limit {
            first.append(section)
            bytes += section.utf8.count
            return
        }
        if latest != nil { leftOut += 1 }
        latest = section
    }

    /// The sections held, in the order they were taken.
    package var sections: [String] { first + (latest.map { [$0] } ?? []) }
}
