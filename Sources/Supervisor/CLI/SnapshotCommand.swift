import Foundation
import ProcessProbe

/// `invoker-supervisor snapshot`: one process snapshot on demand, printed as markdown or JSON and,
/// with a results folder, appended to snapshots.ndjson and boot.log like `run`'s.
enum SnapshotCommand {
    static let parser = OptionParser(subcommand: "snapshot", valueOptions: [
        "--phase": "pre-invoker", "--watch": "pwsh,LVCompare,LabVIEW", "--config": "supervisor.json",
        "--results-dir": "tests/results", "--summary": "summary.md",
    ], flags: ["--json"])

    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try parser.parse(arguments)
        guard let phase = values["--phase"] else { throw UsageError.missingOption(option: "--phase", subcommand: "snapshot") }
        guard !phase.isEmpty, phase.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._:-".contains($0)) }) else {
            throw UsageError.badValue(option: "--phase", value: phase, expected: "letters, digits, '.', '_', ':' or '-' (e.g. pre-invoker)")
        }
        let config = try values["--config"].map { path throws(ConfigError) in try ConfigLoader.load(path: path) }
        var watch = config?.watch ?? ProcessProbe.defaultWatch
        if let list = values["--watch"] {
            watch = list.split(separator: ",").map { ProcessName.normalized(String($0).trimmingCharacters(in: .whitespaces)) }
            guard !watch.isEmpty, !watch.contains("") else {
                throw UsageError.badValue(option: "--watch", value: list, expected: "comma-separated process names, e.g. pwsh,LVCompare,LabVIEW")
            }
        }
        let resultsDir = values["--results-dir"].map { ConfigLoader.absolute($0, against: FileManager.default.currentDirectoryPath) }
            ?? config?.resultsDir

        var snapshotter = Snapshotter(watch: watch, ndjson: nil, bootLog: nil)
        if let resultsDir {
            let folder = resultsDir + "/_invoker"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let ndjson = try AppendFile(path: folder + "/snapshots.ndjson")
                let bootLog = BootLog(file: try AppendFile(path: folder + "/boot.log"), mirror: { _ in })
                snapshotter = Snapshotter(watch: watch, ndjson: ndjson, bootLog: bootLog, previous: lastSnapshot(in: ndjson.path))
            } catch {
                throw UsageError.cannotWrite(path: folder, reason: error.localizedDescription)
            }
        }
        let snapshot = snapshotter.take(phase)
        let markdown = SnapshotMarkdown.section(snapshot)
        Console.out(values["--json"] != nil ? snapshot.jsonLine : String(markdown.dropLast(2)))
        if let summary = values["--summary"] ?? environment["GITHUB_STEP_SUMMARY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                try AppendFile(path: summary).append(markdown)
            } catch {
                Console.err("warning: cannot write the step summary file \(summary): \(error.localizedDescription)")
            }
        }
        return ExitCode.success
    }

    /// The processes of the last snapshot line in the file, if any.
    private static func lastSnapshot(in path: String) -> [ProcessSnapshot.Entry]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").reversed().lazy.compactMap { ProcessSnapshot.entries(fromJSONLine: String($0)) }.first
    }
}
