import Foundation
import SupervisorPlatform
import ProcessProbe

/// The `<resultsDir>/_invoker/` folder the subcommands share: boot.log, invoker.log,
/// snapshots.ndjson and session.json, opened for appending.
package struct InvokerFolder {
    package let path: String
    package let bootLog: BootLog
    package let invokerLog: AppendFile
    package let snapshots: AppendFile

    /// Creates the folder and opens its files; boot.log lines are also passed to `mirror`.
    /// With `rotation`, the three logs rotate by size (the daemon's).
    package static func open(resultsDir: String, rotation: AppendFile.Rotation? = nil,
                     mirror: @escaping (String) -> Void) throws(UsageError) -> InvokerFolder {
        let path = resultsDir + "/_invoker"
        do {
            try FileSystem.makeDirectories(path)
            return InvokerFolder(path: path,
                                 bootLog: BootLog(file: try AppendFile(path: path + "/boot.log", rotation: rotation), mirror: mirror),
                                 invokerLog: try AppendFile(path: path + "/invoker.log", rotation: rotation),
                                 snapshots: try AppendFile(path: path + "/snapshots.ndjson", rotation: rotation))
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    package var store: SessionStore { SessionStore(folder: path) }

    /// A snapshotter that continues from the last snapshot in snapshots.ndjson.
    package func snapshotter(watch: [String]) -> Snapshotter {
        Snapshotter(watch: watch, ndjson: snapshots, bootLog: bootLog, previous: lastSnapshot())
    }

    private func lastSnapshot() -> [ProcessSnapshot.Entry]? {
        FileTail.lastLine(in: snapshots.path, ProcessSnapshot.entries(fromJSONLine:))
    }
}

/// Where the subcommands' user-facing output goes, from options and the GitHub environment.
package enum OutputDestinations {
    /// `--summary FILE`, else `$GITHUB_STEP_SUMMARY`, else nil.
    package static func summary(_ values: ParsedOptions, _ environment: [String: String]) -> String? {
        values["--summary"] ?? nonEmpty(environment["GITHUB_STEP_SUMMARY"])
    }

    package static func runDestinations(_ values: ParsedOptions, _ environment: [String: String]) -> RunExecutor.Destinations {
        RunExecutor.Destinations(githubOutput: nonEmpty(environment["GITHUB_OUTPUT"]), summary: summary(values, environment),
                                        githubActions: environment["GITHUB_ACTIONS"] == "true")
    }

    /// Appends `text` to the summary file, warning on stderr when it cannot.
    package static func appendSummary(_ text: String, to path: String?) {
        guard let path else { return }
        append(text, to: path, what: "step summary")
    }

    /// Appends `text` to a file the runner gave us (`GITHUB_OUTPUT`, `GITHUB_ENV`, the summary); a
    /// failure is reported (`WriteFailures`) and makes the command's exit code non-zero.
    package static func append(_ text: String, to path: String, what: String) {
        do {
            try AppendFile(path: path, followLinks: true).append(text)
        } catch {
            WriteFailures.report(path, "cannot open the \(what) file: \(error.message)")
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        value?.isEmpty == false ? value : nil
    }
}

/// The results folder and config of a session subcommand: `--results-dir` (relative to the current
/// folder), else `$INVOKER_SUPERVISOR_RESULTS_DIR` (set by the job-started hook), else the
/// `--config`'s `resultsDir`, else `tests/results`.
package struct SessionOptions {
    package let config: SupervisorConfig?
    package let resultsDir: String

    package init(_ values: ParsedOptions, environment: [String: String]) throws {
        config = try values["--config"].map { path throws(ConfigError) in try ConfigLoader.load(path: path) }
        let here = FileManager.default.currentDirectoryPath
        let fromHook = environment["INVOKER_SUPERVISOR_RESULTS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        resultsDir = (values["--results-dir"] ?? fromHook).map { ConfigLoader.absolute($0, against: here) }
            ?? config?.resultsDir ?? ConfigLoader.absolute("tests/results", against: here)
    }

    package var watch: [String] { config?.watch ?? ProcessProbe.defaultWatch }
}

/// The folder for state shared across runs: `--state-dir` (relative to the current folder), else
/// the config's `stateDir`, else the per-user default.
package enum StateFolder {
    package static func resolve(_ values: ParsedOptions, config: SupervisorConfig?, environment: [String: String]) -> String {
        values["--state-dir"].map { ConfigLoader.absolute($0, against: FileManager.default.currentDirectoryPath) }
            ?? config?.stateDir ?? StateDirectory.default(environment)
    }
}
