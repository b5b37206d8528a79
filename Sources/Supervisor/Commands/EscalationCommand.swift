import Foundation
import SupervisorPlatform

/// `invoker-supervisor escalation show|record`: the READY-timeout history of one repository +
/// branch — shown with the settings the next boot would use, or added to by hand.
package enum EscalationCommand {
    package static let spec = SubcommandSpec("escalation", synopsis: "escalation show|record [--branch B] [--result R] [--config FILE | --state-dir DIR]",
        summary: "The READY-timeout history of a branch and the next boot's settings (show), or record one outcome (record).",
        options: [OptionSpec("--branch", .text(placeholder: "B"), "the branch (default: $GITHUB_HEAD_REF, else $GITHUB_REF_NAME)"),
                  OptionSpec("--result", .choice(results), "the outcome to record (record)"),
                  .config(), .stateDir])

    package static let results = ["ready", "timeout", "exited", "spawn_error", "cancelled"]

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let action = arguments.first, ["show", "record"].contains(action) else {
            throw UsageError.badValue(option: "escalation", value: arguments.first ?? "", expected: "'show' or 'record'")
        }
        let values = try spec.parse(Array(arguments.dropFirst()))
        let config = try values["--config"].map { path throws(ConfigError) in try ConfigLoader.load(path: path) }
        let store = EscalationStore(stateDir: StateFolder.resolve(values, config: config, environment: environment),
                                    branch: values["--branch"], environment: environment)
        let history: EscalationHistory
        if action == "record" {
            guard let result = values["--result"], results.contains(result) else {
                throw UsageError.badValue(option: "--result", value: values["--result"] ?? "", expected: results.joined(separator: ", "))
            }
            history = try store.update { $0.record(result, at: Timestamp.iso8601(Date())) }
        } else {
            history = try store.load()
        }
        var lines = ["\(store.repository) \(store.branch): \(history.consecutiveTimeouts) consecutive READY timeouts, \(history.totalRuns) runs (\(store.path))"]
        if let config {
            let policy = config.escalation ?? EscalationPolicy()
            let level = policy.level(consecutiveTimeouts: history.consecutiveTimeouts)
            let next = policy.settings(base: config.bootSettings, level: level)
            lines.append("next boot: level \(level) → attempts=\(next.attempts), delay=\(Seconds.format(next.delaySeconds)), to=\(Seconds.format(next.timeoutSeconds))")
        }
        lines.forEach(Console.out)
        return ExitCode.success
    }
}
