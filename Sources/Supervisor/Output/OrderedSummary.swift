import Foundation
import SafeText

/// The step summary every path ends with, always in this order: Run Provenance, Invoker (READY
/// result or the not-READY line) with its process snapshots, Run Timeline (when boot.log holds the
/// run), Compare Outcome (when a compare ran or was expected), Re-run. Kept under `limit` bytes (the step summary allows 1 MiB) by leaving
/// out middle snapshot sections, never half a line. Format: docs/summary.md.
package struct OrderedSummary {
    package var provenance: Provenance
    /// The `### Invoker Boot` block.
    package var invoker: String
    package var snapshots: SummarySnapshots
    package var timeline: RunTimeline? = nil
    package var outcome: CompareOutcome?
    /// `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_RUN_ID`, for the link to the run.
    package var runURL: String?
    /// The workflow to run again with `gh` (the seed's `Write-RerunHint.ps1`), when in Actions.
    package var workflow: WorkflowRun? = nil

    /// What `gh workflow run` needs: the workflow file, the repository and the ref.
    package struct WorkflowRun {
        package var file: String
        package var repository: String
        package var ref: String

        /// From `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/ci.yml@refs/heads/x`, else
        /// `GITHUB_WORKFLOW`), `GITHUB_REPOSITORY` and `GITHUB_REF_NAME` (else `develop`, as the seed).
        package static func from(_ environment: [String: String]) -> WorkflowRun? {
            func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
            guard let repository = env("GITHUB_REPOSITORY") else { return nil }
            let fromRef = env("GITHUB_WORKFLOW_REF").flatMap { $0.split(separator: "@").first }.map { String($0.split(separator: "/").last ?? "") }
            guard let file = fromRef.flatMap({ $0.isEmpty ? nil : $0 }) ?? env("GITHUB_WORKFLOW") else { return nil }
            return WorkflowRun(file: file, repository: repository, ref: env("GITHUB_REF_NAME") ?? "develop")
        }
    }

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
        let tail = (timeline.map(TimelineChart.block) ?? "") + (outcome?.markdown ?? "") + rerun
        let budget = limit - head.utf8.count - tail.utf8.count
        return head + snapshotSections(budget: budget) + tail
    }

    /// The seed's re-run blocks: `### Re-run With Same Inputs` with the `/run orchestrated` comment
    /// (the comment parser's defaults `matrix`, `true` and `<id>` for inputs not known) as inert
    /// inline code (`MarkdownText`) and ours, the run's page; then `### Re-run (gh)` with the
    /// `gh workflow run` command, in Actions, its values shell-quoted and on one line.
    package var rerun: String {
        let include = provenance.value("include_integration") ?? "true"
        let command = "/run orchestrated strategy=\(provenance.value("strategy") ?? "matrix") include_integration=\(include)"
            + " sample_id=\(provenance.value("sample_id") ?? "<id>")"
        var lines = ["### Re-run With Same Inputs", "", "$ \(MarkdownText.code(command))", ""]
        lines.append(runURL.map { "- This run: \($0) (use \"Re-run jobs\" there)" } ?? "- This run: not in GitHub Actions (GITHUB_RUN_ID is not set)")
        if let workflow {
            let sample = provenance.value("sample_id") ?? UUID().uuidString.lowercased()
            let words = ["gh", "workflow", "run", workflow.file, "-R", workflow.repository, "-r", workflow.ref,
                         "-f", "include_integration=\(include)", "-f", "sample_id=\(sample)"]
            lines += ["", "### Re-run (gh)", "", "```bash", LogText.escaped(words.map(Self.shellWord).joined(separator: " ")), "```"]
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `word` as one shell word: as it is when it holds only letters, digits and `_ . / : = @ % + , -`,
    /// else in single quotes.
    private static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_./:=@%+,-".unicodeScalars.contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The snapshot sections that fit in `budget` bytes: the first ones in order, a line saying how
    /// many were left out, and always the last one.
    private func snapshotSections(budget: Int) -> String {
        let sections = snapshots.sections
        let leftOut = snapshots.leftOut
        let all = sections.joined()
        guard all.utf8.count > budget || leftOut > 0, let last = sections.last else { return all }
        var kept = ""
        var count = 0
        for section in sections.dropLast() {
            let omission = Self.omissionLine(leftOut + sections.count - 1 - count - 1)
            if kept.utf8.count + section.utf8.count + omission.utf8.count + last.utf8.count > budget { break }
            kept += section
            count += 1
        }
        return kept + Self.omissionLine(leftOut + sections.count - 1 - count) + last
    }

    private static func omissionLine(_ count: Int) -> String {
        "- \(count) more snapshot section\(count == 1 ? "" : "s") not shown; see `_invoker/snapshots.ndjson`.\n\n"
    }
}
