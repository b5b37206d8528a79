import SupervisorPlatform

/// `invoker-supervisor run`: the whole sequence in one process.
package enum RunCommand {
    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try BootOptions.parser("run").parse(arguments)
        var config = try BootOptions.config(values, subcommand: "run")
        let escalation = BootOptions.escalation(values, &config, environment: environment)
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        let report = RunExecutor(config: config, escalation: escalation?.note,
                                 destinations: OutputDestinations.runDestinations(values, environment),
                                 environment: environment, bootLog: folder.bootLog, invokerLog: folder.invokerLog,
                                 snapshots: folder.snapshots).run()
        escalation?.record(report.record)
        return report.exitCode
    }
}
