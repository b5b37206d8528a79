import SupervisorPlatform

/// Starts configured commands: merges their environment into the supervisor's, marks every tree
/// (`TreeMembers.markVariable`), finds the program, and spawns it with the given output routing
/// and stop domain.
package struct Launcher {
    package let environment: [String: String]

    /// `mark`: join an existing tree (a session's step joins its invoker's) instead of a new one.
    package func spawn(_ command: CommandSpec, stdout: OutputTarget, stderr: OutputTarget, domain: StopDomain,
               mark: String? = nil) throws(PlatformError) -> ChildProcess {
        // A detached child (the warmup) carries no mark, not even one inherited from an outer tree.
        let treeMark = domain == .detached ? nil : mark ?? TreeMembers.newMark()
        var childEnvironment = HostOS.current.environment(environment, overriddenBy: command.environment)
            .filter { $0.key.uppercased() != TreeMembers.markVariable }
        if let treeMark { childEnvironment[TreeMembers.markVariable] = treeMark }
        let executable = try ExecutableLookup.forEnvironment(childEnvironment)
            .resolve(command.arguments[0], workingDirectory: command.workingDirectory)
        return try ChildProcess.spawn(SpawnRequest(
            executable: executable, arguments: command.arguments, workingDirectory: command.workingDirectory,
            environment: childEnvironment, stdout: stdout, stderr: stderr, domain: domain, mark: treeMark))
    }
}
