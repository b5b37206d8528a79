import Foundation
import SupervisorPlatform

/// `invoker-supervisor provenance`: writes `<resultsDir>/provenance.json` (run-provenance/v1) and
/// appends the `### Run Provenance` block to the summary.
package enum ProvenanceCommand {
    package static let parser = OptionParser(subcommand: "provenance", valueOptions: [
        "--results-dir": "tests/results", "--config": "supervisor.json", "--summary": "summary.md",
    ])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try parser.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date())
        let path = options.resultsDir + "/provenance.json"
        do {
            try FileSystem.makeDirectories(options.resultsDir)
            try AtomicFile.write(Data((provenance.json.pretty() + "\n").utf8), to: path)
        } catch {
            throw UsageError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        Console.out("Provenance written: \(path)")
        if let note = provenance.note { Console.out("note: \(note)") }
        OutputDestinations.appendSummary(provenance.markdown, to: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }
}
