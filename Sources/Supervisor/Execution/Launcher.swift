/// Starts configured commands: merges their environment into the supervisor's, finds the program,
/// and spawns it with the given output routing and stop domain.
struct Launcher {
    let environment: [String: String]

    func spawn(_ command: CommandSpec, stdout: OutputTarget, stderr: OutputTarget, domain: StopDomain) throws(PlatformError) -> ChildProcess {
        let childEnvironment = HostOS.current.environment(environment, overriddenBy: command.environment)
        let executable = try ExecutableLookup.forEnvironment(childEnvironment)
            .resolve(command.arguments[0], workingDirectory: command.workingDirectory)
        return try ChildProcess.spawn(SpawnRequest(
            executable: executable, arguments: command.arguments, workingDirectory: command.workingDirectory,
            environment: childEnvironment, stdout: stdout, stderr: stderr, domain: domain))
    }
}
