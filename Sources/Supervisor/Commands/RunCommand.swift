import SupervisorPlatform

/// `invoker-supervisor run`: the whole sequence in one process.
package enum RunCommand {
    package static let spec = SubcommandSpec("run", synopsis: "run --config FILE [options]",
        summary: "Run the whole sequence in one process: invoker → READY → warmup → steps → stop, with boot.log,\nGitHub outputs and the step summary.",
        options: BootOptions.options)

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try spec.parse(arguments)
        var config = try BootOptions.config(values)
        let history = BootOptions.history(values, &config, environment: environment)
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        let report = RunExecutor(config: config, plan: .run(keepInvoker: config.keepInvoker), bootNotes: history.notes,
                                 destinations: OutputDestinations.runDestinations(values, environment),
                                 environment: environment, bootLog: folder.bootLog, invokerLog: folder.invokerLog,
                                 snapshots: folder.snapshots).run()
        history.record(report.record)
        return report.exitCode
    }
}
