import SupervisorPlatform

/// The options `run` and `start` share: the config and the numbers that override it.
package enum BootOptions {
    /// The options `run` and `start` both take.
    package static let options: [OptionSpec] = [
        .config(required: true),
        OptionSpec("--attempts", .wholeNumber, "attempts to bring the invoker to READY (overrides \"attempts\")"),
        OptionSpec("--delay", .seconds, "seconds between attempts (overrides \"delaySeconds\")"),
        OptionSpec("--timeout", .seconds, "seconds one attempt may take to signal READY (overrides \"timeoutSeconds\")"),
        .resultsDir, .summary,
        OptionSpec("--on-not-ready", .choice(["skip", "fail"]), "when READY never comes: skip the steps and exit 0, or exit 3 (default: skip)"),
        OptionSpec("--branch", .text(placeholder: "B"), "branch for escalation and boot times (default: $GITHUB_HEAD_REF, else $GITHUB_REF_NAME)"),
        .stateDir,
    ]

    /// The validated config with the flags applied.
    package static func config(_ values: ParsedOptions) throws -> SupervisorConfig {
        let configPath = try values.required("--config")
        let overrides = ConfigOverrides(
            attempts: values.wholeNumber("--attempts"), delaySeconds: values.seconds("--delay"),
            timeoutSeconds: values.seconds("--timeout"), resultsDir: values["--results-dir"],
            onNotReady: values["--on-not-ready"].flatMap(NotReadyPolicy.init(rawValue:)))
        return try ConfigLoader.load(path: configPath, overrides: overrides)
    }

    /// The boot history's decisions for this boot (adaptive timeout, escalation), applied to `config`.
    package static func history(_ values: ParsedOptions, _ config: inout SupervisorConfig,
                                environment: [String: String]) -> BootHistory {
        BootHistory.prepare(&config, branch: values["--branch"], stateDir: StateFolder.resolve(values, config: config, environment: environment),
                            environment: environment, timeoutGiven: values["--timeout"] != nil)
    }
}
