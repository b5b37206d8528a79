import SupervisorPlatform

/// The options `run` and `start` share: the config and the numbers that override it.
package enum BootOptions {
    package static func parser(_ subcommand: String) -> OptionParser {
        OptionParser(subcommand: subcommand, valueOptions: [
            "--config": "supervisor.json", "--attempts": "3", "--delay": "7", "--timeout": "60",
            "--results-dir": "tests/results", "--summary": "summary.md", "--on-not-ready": "skip",
            "--branch": "main", "--state-dir": "/var/lib/invoker-supervisor",
        ])
    }

    /// The validated config with the flags applied.
    package static func config(_ values: [String: String], subcommand: String) throws -> SupervisorConfig {
        guard let configPath = values["--config"] else { throw UsageError.missingOption(option: "--config", subcommand: subcommand) }
        var onNotReady: NotReadyPolicy?
        if let text = values["--on-not-ready"] {
            guard let policy = NotReadyPolicy(rawValue: text) else {
                throw UsageError.badValue(option: "--on-not-ready", value: text, expected: "skip or fail")
            }
            onNotReady = policy
        }
        let overrides = ConfigOverrides(
            attempts: try OptionParser.wholeNumber(values, "--attempts"),
            delaySeconds: try OptionParser.seconds(values, "--delay"),
            timeoutSeconds: try OptionParser.seconds(values, "--timeout"),
            resultsDir: values["--results-dir"], onNotReady: onNotReady)
        return try ConfigLoader.load(path: configPath, overrides: overrides)
    }

    /// The escalation step for this boot (nil when the config has no `escalation`), applied to `config`.
    package static func escalation(_ values: [String: String], _ config: inout SupervisorConfig,
                           environment: [String: String]) -> EscalationStep? {
        EscalationStep.prepare(&config, branch: values["--branch"],
                                   stateDir: StateFolder.resolve(values, config: config, environment: environment),
                                   environment: environment)
    }
}
