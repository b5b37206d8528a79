import Foundation

/// `_invoker/steps.ndjson`: the steps of workflow sessions, one JSON object per line, appended —
/// a step's started record, then its finished one, which replaces it when read. A `step` costs the
/// same whatever ran before it; `stop` folds the open session's steps into session.json
/// (docs/session.md).
package struct StepLog {
    package let path: String

    package init(folder: String) {
        path = folder + "/steps.ndjson"
    }

    /// Appends one record (a failed write is reported like every file users read).
    package func append(_ step: SessionFile.Step, to file: AppendFile) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(step) else { return }
        file.append(bytes: Array(data) + [UInt8(ascii: "\n")])
    }

    /// The steps started at or after `since` (UTC ISO-8601 ms), in the order they started, each
    /// as its last record says; lines that are not step records are skipped.
    package func read(since: String) -> [SessionFile.Step] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var steps: [SessionFile.Step] = []
        var index: [String: Int] = [:]
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let step = try? decoder.decode(SessionFile.Step.self, from: Data(line)), step.startedAt >= since else { continue }
            let key = step.name + "\n" + step.startedAt
            if let at = index[key] { steps[at] = step } else { index[key] = steps.count; steps.append(step) }
        }
        return steps
    }

    /// `session` with the steps this log holds for it added after those session.json already has.
    package func merged(into session: SessionFile) -> SessionFile {
        var merged = session
        let known = Set(session.steps.map { $0.name + "\n" + $0.startedAt })
        merged.steps += read(since: session.openedAt).filter { !known.contains($0.name + "\n" + $0.startedAt) }
        return merged
    }
}
