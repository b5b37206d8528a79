import SafeText

/// A snapshot as a step-summary section, in the seed repo's shape:
/// `### Pre-Invoker Process Snapshot`, then `- {Name} (PID {Id}) {title}` lines, the name and title
/// (which a process sets) as inert inline code (`MarkdownText`). Format: docs/snapshots.md.
package enum SnapshotMarkdown {
    /// `pre-invoker` → `Pre-Invoker`, `post-step:compare` → `Post-Step compare`.
    package static func title(of phase: String) -> String {
        let parts = phase.split(separator: ":", maxSplits: 1).map(String.init)
        // Each word after `-` or `/` capitalised: `post-invoker/warmup` is `Post-Invoker/Warmup`,
        // the seed's combined heading for the single-job layout.
        var words = ""
        var startOfWord = true
        for character in parts[0] {
            words += startOfWord ? character.uppercased() : String(character)
            startOfWord = character == "-" || character == "/"
        }
        return parts.count > 1 ? "\(words) \(parts[1])" : words
    }

    /// The section; with `maxLines`, process lines past that many are counted in one line instead.
    package static func section(_ snapshot: ProcessSnapshot, maxLines: Int = .max) -> String {
        var lines = ["### \(title(of: snapshot.phase)) Process Snapshot", ""]
        var entries: [String] = []
        for entry in snapshot.processes {
            let new = snapshot.appeared.contains { $0.isSameProcess(as: entry) }
            entries.append(line(entry) + (new ? " (new)" : ""))
        }
        for entry in snapshot.gone {
            entries.append(line(entry) + " (gone)")
        }
        lines += entries.prefix(maxLines)
        if entries.count > maxLines {
            lines.append("- … and \(entries.count - maxLines) more (see `_invoker/snapshots.ndjson`)")
        }
        if snapshot.processes.isEmpty && snapshot.gone.isEmpty {
            lines.append("- No \(listing(snapshot.watch)) process running.")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private static func line(_ entry: ProcessSnapshot.Entry) -> String {
        let title = entry.windowTitle.map { $0.isEmpty ? "" : " \(MarkdownText.code($0))" } ?? ""
        return "- \(MarkdownText.code(entry.name)) (PID \(entry.pid))\(title)"
    }

    /// `pwsh, LVCompare or LabVIEW`.
    private static func listing(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "watched" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
