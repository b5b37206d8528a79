import Foundation
import SupervisorPlatform

/// `invoker-supervisor warmup`: runs the configured warmup in an open session — only after READY.
package enum WarmupCommand {
    package static let spec = SubcommandSpec("warmup", synopsis: "warmup --config FILE [--results-dir DIR]",
        summary: "Run the configured warmup in the session (refused unless READY was observed).",
        options: [.config(required: true), .resultsDir])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try Self.spec.parse(arguments)
        let options = try SessionOptions(values, environment: environment)
        guard let config = options.config else { throw UsageError.missingOption(option: "--config", example: "supervisor.json", subcommand: "warmup") }
        guard let spec = config.warmup else {
            throw ConfigError.invalidValue(key: "warmup", problem: "is not in \(config.configFile)",
                                           fix: "add a \"warmup\" object with the LVCompare command")
        }
        let folder = try InvokerFolder.open(resultsDir: options.resultsDir, mirror: Console.out)
        try folder.store.update { session in
            _ = try SessionStore.observedLifecycle(&session).warmup()
        }

        let result: WarmupResult
        switch WarmupRunner.start(spec, logFolder: folder.path, launcher: Launcher(environment: environment), bootLog: folder.bootLog) {
        case .finished(let known):
            result = known
        case .started(let child):
            result = WarmupWatch.watch(child, waitFor: spec.waitForProcess, timeout: spec.timeoutSeconds)
        }
        folder.bootLog.write(.warmupEnded(result))
        Console.out("warmup: \(result.summaryText)")
        let snapshot = folder.snapshotter(watch: options.watch).take("post-warmup")

        try folder.store.update { session in
            guard var current = session else { return }
            var lifecycle = current.lifecycle
            lifecycle.warmupFinished()
            current.lifecycle = lifecycle
            current.warmup = result.summaryText
            current.snapshots.append(snapshot.phase)
            session = current
        }
        return ExitCode.success
    }
}
