/// The step summary every path ends with, always in this order: Run Provenance, Invoker (READY
/// result or the not-READY line) with its process snapshots, Compare Outcome (when a compare ran
/// or was expected), Re-run. Kept under `limit` bytes (the step summary allows 1 MiB) by leaving
/// out middle snapshot sections, never half a line. Format: docs/summary.md.
package struct OrderedSummary {
    package var provenance: Provenance
    /// The `### Invoker Boot` block.
    package var invoker: String
    package var snapshots: [ProcessSnapshot]
    package var outcome: CompareOutcome?
    /// `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_RUN_ID`, for the link to the run.
    package var runURL: String?

    package static let defaultLimit = 512 * 1024
    /// At most this many process lines per snapshot section.
    package static let processLinesPerSection = 50

    package static func runURL(_ environment: [String: String]) -> String? {
        guard let repository = environment["GITHUB_REPOSITORY"], !repository.isEmpty,
              let run = environment["GITHUB_RUN_ID"], !run.isEmpty else { return nil }
        return "\(environment["GITHUB_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com")/\(repository)/actions/runs/\(run)"
    }

    package func markdown(limit: Int = OrderedSummary.defaultLimit) -> String {
        let head = provenance.markdown + invoker
        let tail = (outcome?.markdown ?? "") + rerun
        let budget = limit - head.utf8.count - tail.utf8.count
        return head + snapshotSections(budget: budget) + tail
    }

    /// The `### Re-run` block: the PR comment with the same inputs, and the run's page.
    package var rerun: String {
        var command = "/run orchestrated strategy=\(provenance.value("strategy") ?? "single")"
            + " include_integration=\(provenance.value("include_integration") ?? "false")"
        if let sample = provenance.value("sample_id") { command += " sample_id=\(sample)" }
        var lines = ["### Re-run", "", "- With the same inputs, comment on the pull request: `\(command)`"]
        lines.append(runURL.map { "- This run: \($0) (use \"Re-run jobs\" there)" } ?? "- This run: not in GitHub Actions (GITHUB_RUN_ID is not set)")
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The snapshot sections that fit in `budget` bytes: the first ones in order, a line saying how
    /// many were left out, and always the last one.
    private func snapshotSections(budget: Int) -> String {
        let sections = snapshots.map { SnapshotMarkdown.section($0, maxLines: Self.processLinesPerSection) }
        let all = sections.joined()
        guard all.utf8.count > budget, let last = sections.last else { return all }
        var kept = ""
        var count = 0
        for section in sections.dropLast() {
            let omission = Self.omissionLine(sections.count - 1 - count - 1)
            if kept.utf8.count + section.utf8.count + omission.utf8.count + last.utf8.count > budget { break }
            kept += section
            count += 1
        }
        return kept + Self.omissionLine(sections.count - 1 - count) + last
    }

    private static func omissionLine(_ count: Int) -> String {
        "- \(count) more snapshot section\(count == 1 ? "" : "s") not shown; see `_invoker/snapshots.ndjson`.\n\n"
    }
}
