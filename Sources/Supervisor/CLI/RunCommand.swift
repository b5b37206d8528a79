import Foundation

/// `invoker-supervisor run`: the whole sequence in one process.
enum RunCommand {
    static let parser = OptionParser(subcommand: "run", valueOptions: [
        "--config": "supervisor.json", "--attempts": "3", "--delay": "7", "--timeout": "60",
        "--results-dir": "tests/results", "--summary": "summary.md", "--on-not-ready": "skip",
    ])

    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try parser.parse(arguments)
        guard let configPath = values["--config"] else { throw UsageError.missingOption(option: "--config", subcommand: "run") }
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
        let config = try ConfigLoader.load(path: configPath, overrides: overrides)

        let bootLogFile: AppendFile
        let invokerLog: AppendFile
        let snapshots: AppendFile
        do {
            try FileManager.default.createDirectory(atPath: config.invokerDir, withIntermediateDirectories: true)
            bootLogFile = try AppendFile(path: config.invokerDir + "/boot.log")
            invokerLog = try AppendFile(path: config.invokerDir + "/invoker.log")
            snapshots = try AppendFile(path: config.invokerDir + "/snapshots.ndjson")
        } catch {
            throw UsageError.cannotWrite(path: config.invokerDir, reason: error.localizedDescription)
        }

        let summary = values["--summary"] ?? nonEmpty(environment["GITHUB_STEP_SUMMARY"])
        if summary == nil {
            Console.err("note: no --summary and no GITHUB_STEP_SUMMARY; the run summary is not written.")
        }
        let destinations = RunExecutor.Destinations(
            githubOutput: nonEmpty(environment["GITHUB_OUTPUT"]), summary: summary,
            githubActions: environment["GITHUB_ACTIONS"] == "true")
        let bootLog = BootLog(file: bootLogFile, mirror: Console.out)
        return RunExecutor(config: config, destinations: destinations, environment: environment,
                           bootLog: bootLog, invokerLog: invokerLog, snapshots: snapshots).run()
    }

    private static func nonEmpty(_ value: String?) -> String? {
        value?.isEmpty == false ? value : nil
    }
}
