import Foundation
import SupervisorPlatform
import ProcessProbe

/// `invoker-supervisor snapshot`: one process snapshot on demand, printed as markdown or JSON and,
/// with a results folder, appended to snapshots.ndjson and boot.log like `run`'s.
package enum SnapshotCommand {
    package static let spec = SubcommandSpec("snapshot", synopsis: "snapshot --phase NAME [--watch A,B,C] [--json] [--config FILE] [--results-dir DIR] [--summary FILE]",
        summary: "List the watched processes (pwsh, LVCompare, LabVIEW) now, as markdown or JSON (docs/snapshots.md).",
        options: [OptionSpec("--phase", .text(placeholder: "NAME"), "the phase to record (e.g. pre-invoker, post-step:compare)", required: true),
                  OptionSpec("--watch", .text(placeholder: "A,B,C"), "process names to list (default: the config's \"watch\", else pwsh,LVCompare,LabVIEW)"),
                  .json, .config(), OptionSpec("--results-dir", .text(placeholder: "DIR"), "also append to DIR/_invoker/snapshots.ndjson and boot.log"),
                  .summary])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let phase = try values.required("--phase")
        guard !phase.isEmpty, phase.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._:-".contains($0)) }) else {
            throw UsageError.badValue(option: "--phase", value: phase, expected: "letters, digits, '.', '_', ':' or '-' (e.g. pre-invoker)")
        }
        let options = try SessionOptions(values, environment: environment)
        var watch = options.watch
        if let list = values["--watch"] {
            watch = list.split(separator: ",").map { ProcessName.normalized(String($0).trimmingCharacters(in: .whitespaces)) }
            guard !watch.isEmpty, !watch.contains("") else {
                throw UsageError.badValue(option: "--watch", value: list, expected: "comma-separated process names, e.g. pwsh,LVCompare,LabVIEW")
            }
        }
        // Files are written only when a results folder was named (by flag or config).
        let folder = values["--results-dir"] != nil || options.config != nil
            ? try InvokerFolder.open(resultsDir: options.resultsDir, mirror: { _ in }) : nil
        let snapshotter = folder?.snapshotter(watch: watch) ?? Snapshotter(watch: watch, ndjson: nil, bootLog: nil)
        let snapshot = snapshotter.take(phase)
        if let store = folder?.store {
            try store.update { session in session?.snapshots.append(phase) }
        }
        let markdown = SnapshotMarkdown.section(snapshot)
        Console.out(values.flag("--json") ? snapshot.jsonLine : String(markdown.dropLast(2)))
        OutputDestinations.appendSummary(markdown, to: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }
}
