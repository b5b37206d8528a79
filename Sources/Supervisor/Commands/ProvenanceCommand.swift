import Foundation
import SupervisorPlatform
import SafeText

/// `invoker-supervisor provenance`: writes `<resultsDir>/provenance.json` (run-provenance/v1) and
/// appends the `### Run Provenance` block to the summary.
package enum ProvenanceCommand {
    package static let spec = SubcommandSpec("provenance", synopsis: "provenance [--results-dir DIR | --config FILE] [--summary FILE]",
        summary: "Write provenance.json (run-provenance/v1) and append the Run Provenance block to the summary.",
        options: [.resultsDir, .config(), .summary])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        let provenance = Provenance(environment: environment, payload: .load(environment), now: Date())
        let path = options.resultsDir + "/provenance.json"
        do {
            try FileSystem.makeDirectories(options.resultsDir)
            try AtomicFile.write(Data((provenance.json.pretty() + "\n").utf8), to: path)
        } catch {
            throw UsageError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        Console.out("Provenance written: \(LogText.escaped(path))")
        if let note = provenance.note { Console.out("note: \(LogText.escaped(note))") }
        OutputDestinations.appendSummary(provenance.markdown, to: OutputDestinations.summary(values, environment))
        return ExitCode.success
    }
}
