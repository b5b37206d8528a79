import Foundation

/// One run as bars on a time line — each attempt, the handshake, the warmup, each step, the stop —
/// read back from the run's boot.log lines (docs/summary.md, "Run Timeline").
package struct RunTimeline: Equatable {
    /// The rows of the chart, drawn in this order.
    package enum Section: String, CaseIterable {
        case boot = "Boot", warmup = "Warmup", steps = "Steps", stop = "Stop"
    }

    /// How a bar is drawn: a finished piece, a failure, one still going at the last line, or a point.
    package enum Mark: String {
        case done, crit, active, milestone
    }

    /// One bar; times are milliseconds since the epoch.
    package struct Bar: Equatable {
        package var section: Section
        package var label: String
        package var start: Int64
        package var end: Int64
        package var mark: Mark
        /// A point in time drawn in red (a failure at an instant: spawn error, not READY, cancel).
        package var failed = false
    }

    /// When the run's `supervisor start` line was written.
    package var startedAt: Int64
    package var bars: [Bar]

    /// The last run in the boot.log at `path` (from its last `supervisor start` line); nil when
    /// the file cannot be read or holds no run. Reads from the end, at most `maxLines` lines.
    package static func read(bootLog path: String, maxLines: Int = 20_000) -> RunTimeline? {
        var lines: [String] = []
        let found = FileTail.lastLine(in: path) { line -> Bool? in
            lines.append(line)
            return isRunStart(line) || lines.count >= maxLines ? true : nil
        }
        guard found != nil else { return nil }
        return parse(lines: lines.reversed())
    }

    /// The timeline of boot.log lines (oldest first) that begin with a `supervisor start` line;
    /// lines before it, and lines that are not events of a run, are ignored.
    package static func parse<Lines: Sequence>(lines: Lines) -> RunTimeline? where Lines.Element == String {
        var builder: Builder?
        for line in lines {
            guard let (time, text) = split(line) else { continue }
            if text.hasPrefix("supervisor start ") {
                builder = Builder(startedAt: time)
            } else {
                builder?.take(text, at: time)
            }
        }
        return builder?.finish()
    }

    private static func isRunStart(_ line: String) -> Bool {
        split(line).map { $0.text.hasPrefix("supervisor start ") } ?? false
    }

    /// `[<timestamp>] <text>` into the time in milliseconds and the text.
    private static func split(_ line: String) -> (time: Int64, text: Substring)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]"),
              let time = Timestamp.milliseconds(line[line.index(after: line.startIndex)..<close]) else { return nil }
        let rest = line[line.index(after: close)...]
        return (time, rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }

    /// Turns boot.log phrases (docs/boot-log.md) into bars as they come.
    private struct Builder {
        let startedAt: Int64
        var bars: [Bar] = []
        /// Bars begun and not yet ended, by key (`attempt#1`, `handshake#1`, `warmup`, `step NAME`).
        var open: [(key: String, bar: Bar)] = []
        var last: Int64

        init(startedAt: Int64) {
            self.startedAt = startedAt
            last = startedAt
        }

        mutating func take(_ text: Substring, at time: Int64) {
            last = max(last, time)
            if text.hasPrefix("attempt#") {
                attempt(text.dropFirst("attempt#".count), at: time)
            } else if text.hasPrefix("warmup ") {
                warmup(text.dropFirst("warmup ".count), at: time)
            } else if text.hasPrefix("step ") {
                step(text.dropFirst("step ".count), at: time)
            } else if text.hasPrefix("all attempts exhausted") {
                point(.boot, "not READY", at: time, failed: true)
            } else if text.hasPrefix("invoker stopped ") {
                point(.stop, text.contains(" survivors=") ? "invoker stopped, survivors" : "invoker stopped", at: time,
                      failed: text.contains(" survivors="))
            } else if text.hasPrefix("invoker kept running ") {
                point(.stop, "invoker kept running", at: time)
            } else if text.hasPrefix("cancelled signal=") {
                point(.stop, "cancelled by " + text.dropFirst("cancelled signal=".count), at: time, failed: true)
            } else if text.hasPrefix("finished outcome=") {
                point(.stop, "finished " + (text.dropFirst("finished outcome=".count).split(separator: " ").first ?? ""), at: time)
            }
        }

        private mutating func attempt(_ text: Substring, at time: Int64) {
            guard let space = text.firstIndex(of: " ") else { return }
            let number = text[..<space]
            let phrase = text[text.index(after: space)...]
            let key = "attempt#\(number)"
            if phrase.hasPrefix("spawn pid=") {
                begin(key, .boot, "attempt \(number)", at: time)
            } else if phrase.hasPrefix("spawn error") {
                point(.boot, "attempt \(number) spawn error", at: time, failed: true)
            } else if phrase.hasPrefix("ready signal ") {
                begin("handshake#\(number)", .boot, "handshake \(number)", at: time)
            } else if phrase.hasPrefix("ready observed ") {
                end("handshake#\(number)", .done, suffix: " ok", at: time)
                let via = phrase.components(separatedBy: " via=").dropFirst().first?.split(separator: " ").first.map(String.init) ?? "?"
                end(key, .done, suffix: " READY via \(via)", at: time)
            } else if phrase.hasPrefix("timed out") || phrase.hasPrefix("exited early") || phrase.hasPrefix("handshake failed") {
                let what = phrase.hasPrefix("timed out") ? "timed out" : phrase.hasPrefix("exited early") ? "exited early" : "handshake failed"
                end("handshake#\(number)", .crit, suffix: " failed", at: time)
                end(key, .crit, suffix: " " + what, at: time)
            } else if phrase.hasPrefix("stopped pid=") {
                point(.boot, "attempt \(number) stopped", at: time, failed: phrase.contains(" survivors="))
            }
        }

        private mutating func warmup(_ phrase: Substring, at time: Int64) {
            if phrase.hasPrefix("start pid=") {
                begin("warmup", .warmup, "warmup", at: time)
            } else if phrase.hasPrefix("exited code=") {
                let code = phrase.dropFirst("exited code=".count).split(separator: " ").first ?? ""
                end("warmup", code == "0" ? .done : .crit, suffix: " exit \(code)", at: time)
            } else if phrase.hasPrefix("saw ") {
                let name = phrase.dropFirst("saw ".count).split(separator: " ").first ?? ""
                end("warmup", .done, suffix: " saw \(name)", at: time)
                if phrase.hasSuffix("; warmup left running") { point(.warmup, "warmup left running", at: time) }
            } else if phrase.hasPrefix("left running ") {
                end("warmup", .active, suffix: " left running", at: time)
            } else if phrase.hasPrefix("skipped") {
                point(.warmup, "warmup skipped", at: time)
            } else if phrase.hasPrefix("spawn error") {
                point(.warmup, "warmup spawn error", at: time, failed: true)
            }
        }

        /// `NAME start pid=…` (`NAME start` when it could not start), `NAME end exit=E duration=S`,
        /// `NAME skipped reason=R`: the name is what comes before the last such phrase, so a name
        /// with spaces stays whole.
        private mutating func step(_ text: Substring, at time: Int64) {
            if let range = text.range(of: " start pid=", options: .backwards) ?? (text.hasSuffix(" start") ? text.range(of: " start", options: .backwards) : nil) {
                let name = text[..<range.lowerBound]
                begin("step \(name)", .steps, "step \(name)", at: time)
            } else if let range = text.range(of: " end exit=", options: .backwards) {
                let code = text[range.upperBound...].split(separator: " ").first ?? ""
                end("step \(text[..<range.lowerBound])", code == "0" ? .done : .crit, suffix: " exit \(code)", at: time)
            } else if let range = text.range(of: " skipped reason=", options: .backwards) {
                point(.steps, "step \(text[..<range.lowerBound]) skipped (\(text[range.upperBound...]))", at: time)
            }
        }

        private mutating func begin(_ key: String, _ section: Section, _ label: String, at time: Int64) {
            open.append((key, Bar(section: section, label: label, start: time, end: time, mark: .active)))
        }

        private mutating func end(_ key: String, _ mark: Mark, suffix: String, at time: Int64) {
            guard let index = open.lastIndex(where: { $0.key == key }) else { return }
            var bar = open.remove(at: index).bar
            bar.label += suffix
            bar.end = time
            bar.mark = mark
            bars.append(bar)
        }

        private mutating func point(_ section: Section, _ label: String, at time: Int64, failed: Bool = false) {
            bars.append(Bar(section: section, label: label, start: time, end: time, mark: .milestone, failed: failed))
        }

        /// Bars still open at the last line end there, drawn as still going.
        func finish() -> RunTimeline {
            let unfinished = open.map { item -> Bar in
                var bar = item.bar
                bar.label += " (no end in boot.log)"
                bar.end = last
                return bar
            }
            let all = (bars + unfinished).enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
            return RunTimeline(startedAt: startedAt, bars: all)
        }
    }
}
