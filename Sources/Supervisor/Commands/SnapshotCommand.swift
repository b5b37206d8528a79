import Foundation
import SupervisorPlatform
import ProcessProbe

/// `invoker-supervisor snapshot`: one process snapshot on demand, printed as markdown or JSON and,
/// with a results folder, appended to snapshots.ndjson and boot.log like `run`'s.
package enum SnapshotCommand {
    package static let parser = OptionParser(subcommand: "snapshot", valueOptions: [
        "--phase": "pre-invoker", "--watch": "pwsh,LVCompare,LabVIEW", "--config": "supervisor.json",
        "--results-dir": "tests/results", "--summary": "summary.md",
    ], flags: ["--json"])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try parser.parse(arguments)
        guard let phase = values["--phase"] else { throw UsageError.missingOption(option: "--phase", subcommand: "snapshot") }
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
        Console.out(values["--json"] != nil ? snapshot.jsonLine : String(markdown.dropLast(2)))
        OutputDestinations.appendSummary(markdown, to: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }
}
