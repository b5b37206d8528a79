import Foundation

/// The `### Run Timeline` block: a run's timeline as a Mermaid `gantt` chart, which GitHub draws in
/// job summaries (docs/summary.md). At most `maxBars` bars, so the block stays a few KB.
package enum TimelineChart {
    package static let maxBars = 60
    /// When bars are left out, this many of the last ones are still drawn (the stop and the end).
    package static let keptAtEnd = 10
    /// Longest label drawn, in characters.
    package static let maxLabelLength = 60

    /// The whole block: heading, the fenced chart, and a line when bars were left out.
    package static func block(_ timeline: RunTimeline) -> String {
        var bars = timeline.bars
        var omitted = 0
        if bars.count > maxBars {
            omitted = bars.count - maxBars
            bars = Array(bars.prefix(maxBars - keptAtEnd)) + Array(bars.suffix(keptAtEnd))
        }
        var lines = ["### Run Timeline", "", "```mermaid", "gantt",
                     "    title Invoker run from \(Timestamp.iso8601(milliseconds: timeline.startedAt)) (UTC)",
                     "    dateFormat x", "    axisFormat %H:%M:%S", "    todayMarker off"]
        for section in RunTimeline.Section.allCases {
            let inSection = bars.filter { $0.section == section }
            guard !inSection.isEmpty else { continue }
            lines.append("    section \(section.rawValue)")
            lines += inSection.map { "    " + line($0) }
        }
        lines.append("```")
        if omitted > 0 {
            lines += ["", "- \(omitted) more bar\(omitted == 1 ? "" : "s") not drawn; every event is in `_invoker/boot.log`."]
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `label :tags, start, end`; a bar gets at least 1 ms so it is drawn.
    static func line(_ bar: RunTimeline.Bar) -> String {
        var tags: [String] = []
        switch bar.mark {
        case .done: tags = ["done"]
        case .crit: tags = ["crit"]
        case .active: tags = ["active"]
        case .milestone: tags = bar.failed ? ["milestone", "crit"] : ["milestone"]
        }
        let end = bar.mark == .milestone ? bar.start : max(bar.end, bar.start + 1)
        return "\(label(bar.label)) :\(tags.joined(separator: ", ")), \(bar.start), \(end)"
    }

    /// Text made safe for a Mermaid task name: ASCII letters, digits and ` ._-()=/+,` kept,
    /// anything else (a `:`, `;` or `#` would end or break the line, `<` would start HTML) becomes
    /// `_`. Every label the timeline makes starts with a fixed word of ours (`attempt`, `step`, …),
    /// so a step name can never read as a Mermaid keyword (`click`, `section`) or a date.
    package static func label(_ text: String) -> String {
        let allowed = Set(" ._-()=/+,".unicodeScalars)
        let safe = String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxLabelLength).map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || allowed.contains(scalar)) ? scalar : "_"
        }))
        return safe.trimmingCharacters(in: .whitespaces).isEmpty ? "_" : safe
    }
}
