import SupervisorPlatform

/// `invoker-supervisor summary`: appends the ordered summary (Run Provenance, Invoker and process
/// snapshots, Compare Outcome, Re-run) of the session in the results folder, as `stop` does.
package enum SummaryCommand {
    package static let spec = SubcommandSpec("summary", synopsis: "summary [--results-dir DIR | --config FILE] [--summary FILE]",
        summary: "Append the ordered summary: provenance, invoker and snapshots, compare outcome, re-run hint.",
        options: [.config(), .resultsDir, .summary])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        let folder = options.resultsDir + "/_invoker"
        let session = try SessionStore(folder: folder).load().map(StepLog(folder: folder).merged(into:))
        let text = SummaryBuilder.forSession(session, resultsDir: options.resultsDir, environment: environment)
        if let path = OutputDestinations.summary(values, environment) {
            OutputDestinations.appendSummary(text, to: path)
        } else {
            Console.out(String(text.dropLast()))
        }
        return ExitCode.success
    }
}
