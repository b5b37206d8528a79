import SafeText
import SupervisorPlatform

/// `invoker-supervisor history`: the READY times and success rate of one repository + branch on
/// one host, and with a config the timeout the next boot would learn from them.
package enum HistoryCommand {
    package static let spec = SubcommandSpec("history", synopsis: "history [--branch B] [--host H] [--config FILE | --state-dir DIR]",
        summary: "Boot-time percentiles and READY success rate of a branch on a host (docs/escalation.md).",
        options: [OptionSpec("--branch", .text(placeholder: "B"), "the branch (default: $GITHUB_HEAD_REF, else $GITHUB_REF_NAME)"),
                  OptionSpec("--host", .text(placeholder: "H"), "the host (default: this one)"),
                  .config(), .stateDir])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        let config = try values["--config"].map { path throws(ConfigError) in try ConfigLoader.load(path: path) }
        let escalation = EscalationStore(stateDir: StateFolder.resolve(values, config: config, environment: environment),
                                         branch: values["--branch"], environment: environment)
        let store = BootTimesStore(next: escalation, host: values["--host"] ?? Provenance.hostName())
        let times = try store.load()
        lines(times, path: store.path, config: config).forEach { Console.out(LogText.escaped($0)) }
        return ExitCode.success
    }

    /// The printed lines (format: docs/escalation.md).
    package static func lines(_ times: BootTimes, path: String, config: SupervisorConfig?) -> [String] {
        let runs = times.results.values.reduce(0, +)
        let rate = times.successRate.map { " (\(Seconds.format((($0 * 1000).rounded()) / 10)) % READY)" } ?? ""
        var lines = ["\(times.repository) \(times.branch) on \(times.host): \(runs) run\(runs == 1 ? "" : "s")\(rate), \(times.boots.count) READY times kept (\(path))"]
        let seconds = times.boots.map(\.seconds)
        if let p50 = AdaptiveTimeout.percentile(50, of: seconds), let p90 = AdaptiveTimeout.percentile(90, of: seconds),
           let p99 = AdaptiveTimeout.percentile(99, of: seconds), let most = seconds.max() {
            lines.append("READY time: p50 \(Seconds.format(p50)) s, p90 \(Seconds.format(p90)) s, p99 \(Seconds.format(p99)) s, max \(Seconds.format(most)) s")
        }
        if !times.results.isEmpty {
            lines.append("outcomes: " + times.results.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        if let config, let policy = config.adaptiveTimeout {
            lines.append("next boot: " + policy.decide(bootSeconds: seconds, fallback: config.bootSettings.timeoutSeconds).reason)
        }
        return lines
    }
}
