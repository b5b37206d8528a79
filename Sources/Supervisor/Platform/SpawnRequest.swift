/// Where a child's stdout or stderr goes.
enum OutputTarget: Equatable, Sendable {
    /// The supervisor's own stream (the job log).
    case inherit
    /// Appended to this file.
    case file(String)
    /// A pipe the supervisor reads (stdout only).
    case pipe
}

/// Everything needed to start one child process.
struct SpawnRequest: Equatable, Sendable {
    /// Absolute path of the program, then its arguments.
    var executable: String
    var arguments: [String]
    var workingDirectory: String
    /// The child's whole environment.
    var environment: [String: String]
    var stdout: OutputTarget
    var stderr: OutputTarget
    /// When true the child is started outside the supervisor's stop domain (its own session or
    /// job-less on Windows) so it outlives the supervisor; otherwise it leads a new process group
    /// (or Job Object) that `stopTree` ends as a whole.
    var detached: Bool
}

/// Why a child could not be started.
struct SpawnError: Error, Equatable, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// How a tree stop went.
struct TreeStopReport: Equatable, Sendable {
    /// Processes that were still alive when the graceful signal was sent.
    var signalled: Int
    /// Whether the grace period ran out and the tree was killed.
    var killed: Bool
    /// PIDs still alive after the kill (should be empty).
    var survivors: [Int32]
}
