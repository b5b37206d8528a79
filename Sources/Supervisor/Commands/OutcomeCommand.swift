import Foundation
import SupervisorPlatform

/// `invoker-supervisor outcome`: reads the newest compare-exec.json, writes compare-outcome.json
/// (compare-outcome/v1) and appends the `### Compare Outcome` block.
package enum OutcomeCommand {
    package static let spec = SubcommandSpec("outcome", synopsis: "outcome [--search DIR] [--out FILE] [--results-dir DIR | --config FILE] [--summary FILE]",
        summary: "Read the newest compare result under --search, write compare-outcome.json (--out) with a\nreason code when there is no result, and append its block to the summary.",
        options: [OptionSpec("--search", .text(placeholder: "DIR"), "where to look for compare-exec.json (default: the results folder)"),
                  OptionSpec("--out", .text(placeholder: "FILE"), "where to write compare-outcome.json (default: RESULTS/compare-outcome.json)"),
                  .config(), .resultsDir, .summary])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        let here = FileManager.default.currentDirectoryPath
        let search = values["--search"].map { ConfigLoader.absolute($0, against: here) } ?? options.resultsDir
        let out = values["--out"].map { ConfigLoader.absolute($0, against: here) } ?? options.resultsDir + "/compare-outcome.json"

        let session = try? SessionStore(folder: options.resultsDir + "/_invoker").load()
        // Asked for explicitly, an outcome is always written: a session that never was READY says so.
        let expectation: CompareOutcome.Expectation = session?.state == .notReady ? .invokerNotReady : SummaryBuilder.expectation(session) ?? .expected
        let outcome = SummaryBuilder.outcome(under: search, expectation: expectation) ?? .missing(expectation)
        do {
            try FileSystem.makeDirectories((out as NSString).deletingLastPathComponent)
            try AtomicFile.write(Data((outcome.json(at: Date()).pretty() + "\n").utf8), to: out)
        } catch {
            throw UsageError.cannotWrite(path: out, reason: error.localizedDescription)
        }
        Console.out("compare outcome: status=\(outcome.status.rawValue)" + (outcome.reason.map { " reason=\($0)" } ?? "")
                    + (outcome.diff.map { " diff=\($0)" } ?? "") + " written to \(out)")
        OutputDestinations.appendSummary(outcome.markdown, to: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }
}
