/// `invoker-supervisor run`: the whole sequence in one process.
enum RunCommand {
    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let values = try BootOptions.parser("run").parse(arguments)
        let config = try BootOptions.config(values, subcommand: "run")
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        return RunExecutor(config: config, destinations: OutputDestinations.runDestinations(values, environment),
                           environment: environment, bootLog: folder.bootLog, invokerLog: folder.invokerLog,
                           snapshots: folder.snapshots).run().exitCode
    }
}
