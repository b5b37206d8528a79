import SafeText
import SupervisorPlatform

/// `invoker-supervisor timeline`: prints the `### Run Timeline` block (a Mermaid gantt chart) of the
/// last run in a results folder's boot.log, as the step summary shows it.
package enum TimelineCommand {
    package static let spec = SubcommandSpec("timeline", synopsis: "timeline [--results-dir DIR | --config FILE]",
        summary: "Print the last run's timeline (Mermaid gantt) from _invoker/boot.log.",
        options: [.config(), .resultsDir])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        let path = options.resultsDir + "/_invoker/boot.log"
        guard let timeline = RunTimeline.read(bootLog: path) else {
            Console.err("no run recorded in \(LogText.escaped(path)) (no `supervisor start` line)")
            return ExitCode.noRunRecorded
        }
        Console.out(String(TimelineChart.block(timeline).dropLast(2)))
        return ExitCode.success
    }
}
