import SafeText

/// Everything `CreateProcessW` and the Job Object calls are given to start one child on Windows,
/// decided from a `SpawnRequest` as plain data so that the decisions are tested on any platform.
package struct WindowsSpawnPlan: Equatable {
    /// `lpApplicationName`: the program, or cmd.exe for a batch file.
    package var application: String
    /// `lpCommandLine`.
    package var commandLine: String
    /// `lpEnvironment` (with `CREATE_UNICODE_ENVIRONMENT`).
    package var environmentBlock: [UInt16]
    /// The job the child is put in while suspended, before it runs its first instruction; nil for a
    /// detached child (no console, breakaway from the runner's job where that job allows it).
    package var job: Job?

    /// A child's Job Object.
    package enum Job: Equatable {
        /// Unnamed, ended with the supervisor's handle (`JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`).
        case killedWithSupervisor
        /// Named so that a later supervisor process (`stop`) can open it; outlives this one.
        case named
    }

    package init(_ request: SpawnRequest, commandInterpreter: String) throws(PlatformError) {
        application = request.executable
        if WindowsBatchLine.isBatch(request.executable) {
            application = commandInterpreter
            commandLine = try WindowsBatchLine.commandLine(interpreter: commandInterpreter, script: request.executable,
                                                           arguments: Array(request.arguments.dropFirst()))
        } else {
            commandLine = try WindowsCommandLine.join(program: request.executable, arguments: Array(request.arguments.dropFirst()))
        }
        if let bad = (request.arguments + [request.executable]).first(where: { $0.unicodeScalars.contains("\0") }) {
            throw PlatformError(message: "argument \(LogText.quoted(bad)) contains a NUL character, which cannot be passed to a program")
        }
        environmentBlock = WindowsEnvironment.block(request.environment)
        switch request.domain {
        case .tree: job = .killedWithSupervisor
        case .treeKeptAfterExit: job = .named
        case .detached: job = nil
        }
    }

    /// The name of a session's job, unique per supervisor process and child; recorded in
    /// session.json so that `stop` can open the job.
    package static func jobName(supervisorPID: UInt32, childPID: UInt32) -> String {
        "Local\\invoker-supervisor-\(supervisorPID)-\(childPID)"
    }
}
