import Foundation
import SupervisorPlatform
import SafeText

/// `<resultsDir>/_invoker/boot.log`: one line per lifecycle event, `[<UTC ISO-8601 ms>Z] <text>`,
/// each written and flushed on its own so a killed supervisor leaves a valid prefix.
/// Every line is also passed to `mirror` (the live progress on stdout). Format: docs/boot-log.md.
package final class BootLog: @unchecked Sendable {
    private let file: AppendFile
    private let mirror: (String) -> Void
    private let clock: () -> Date

    package init(file: AppendFile, clock: @escaping () -> Date = Date.init, mirror: @escaping (String) -> Void) {
        self.file = file
        self.clock = clock
        self.mirror = mirror
    }

    package var path: String { file.path }

    /// Writes one event's line, stamped with the current time.
    package func write(_ event: BootLogEvent) {
        write(event.text)
    }

    /// Writes one line stamped with the current time.
    private func write(_ text: String) {
        let line = BootLog.line(text, at: clock())
        file.append(line + "\n")
        mirror(line)
    }

    /// One formatted line (without its newline). Control characters in `text` (which carries
    /// invoker output, handshake errors and config values) are escaped, so no value can end the
    /// line or forge another.
    package static func line(_ text: String, at date: Date) -> String {
        "[\(Timestamp.iso8601(date))] \(LogText.escaped(text))"
    }

    /// A command as shown in boot.log: arguments joined by spaces, those with spaces or quotes in double quotes.
    package static func quote(_ arguments: [String]) -> String {
        arguments.map { argument in
            guard argument.isEmpty || argument.contains(where: { $0 == " " || $0 == "\"" || $0 == "\t" }) else { return argument }
            return "\"" + argument.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: " ")
    }
}
