import Foundation

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
    var domain: StopDomain
    /// The tree's mark, also set in `environment` (nil for a detached child).
    var mark: String?
}

/// How a child's process tree relates to the supervisor.
enum StopDomain: Equatable, Sendable {
    /// The child leads its own process group (Job Object on Windows) that `stopTree` ends as a
    /// whole; on Windows the job also ends if the supervisor dies.
    case tree
    /// As `tree`, but the tree is left running when the supervisor exits (`keepInvoker`).
    case treeKeptAfterExit
    /// Outside every stop domain (own session; no job, detached console on Windows), so the child
    /// outlives the supervisor: the warmup.
    case detached
}

/// Why a platform operation (start a child, lock or replace a file) failed, with the OS's words.
struct PlatformError: Error, Equatable, CustomStringConvertible, LocalizedError {
    let message: String
    var description: String { message }
    var errorDescription: String? { message }
}

/// A child's stoppable process tree, as recorded in a session so that another supervisor process
/// can stop it: the leader's process group on POSIX, a named Job Object on Windows.
struct ProcessTreeID: Codable, Equatable, Sendable {
    /// The leader's PID (the process group id on POSIX).
    var leader: Int32
    /// The Job Object's name (Windows, when the tree outlives the supervisor).
    var jobName: String?
    /// The value of `INVOKER_SUPERVISOR_TREE` in every member's environment (`TreeMembers`).
    var mark: String?
    /// Linux: clock ticks since boot just before the spawn; no member started earlier.
    var notBeforeTicks: UInt64?
}

/// How a tree stop went.
struct TreeStopReport: Equatable, Sendable {
    /// Processes that were still alive when the graceful signal was sent.
    var signalled: Int
    /// Whether the grace period ran out and the tree was killed.
    var killed: Bool
    /// PIDs still alive after the kill (should be empty).
    var survivors: [Int32]

    /// `processes=K signal=SIGTERM killed=yes|no[ survivors=P,…]`, as every tree-stop line in
    /// boot.log ends.
    var logFields: String {
        "processes=\(signalled) signal=SIGTERM killed=\(killed ? "yes" : "no")"
            + (survivors.isEmpty ? "" : " survivors=\(survivors.map(String.init).joined(separator: ","))")
    }
}
