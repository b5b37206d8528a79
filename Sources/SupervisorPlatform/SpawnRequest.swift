import Foundation
import SafeText

/// Where a child's stdout or stderr goes.
package enum OutputTarget: Equatable, Sendable {
    /// The supervisor's own stream (the job log).
    case inherit
    /// Appended to this file.
    case file(String)
    /// A pipe the supervisor reads (stdout only).
    case pipe
}

/// Everything needed to start one child process.
package struct SpawnRequest: Equatable, Sendable {
    /// Absolute path of the program, then its arguments.
    package var executable: String
    package var arguments: [String]
    package var workingDirectory: String
    /// The child's whole environment.
    package var environment: [String: String]
    package var stdout: OutputTarget
    package var stderr: OutputTarget
    package var domain: StopDomain
    /// The tree's mark, also set in `environment` (nil for a detached child).
    package var mark: String?

    package init(executable: String, arguments: [String], workingDirectory: String, environment: [String: String],
                 stdout: OutputTarget, stderr: OutputTarget, domain: StopDomain, mark: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.domain = domain
        self.mark = mark
    }
}

/// How a child's process tree relates to the supervisor.
package enum StopDomain: Equatable, Sendable {
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
package struct PlatformError: Error, Equatable, CustomStringConvertible, LocalizedError {
    package let message: String
    /// The message on one line: the paths and names in it are escaped (`LogText`).
    package var description: String { LogText.escaped(message) }

    package init(message: String) {
        self.message = message
    }
    package var errorDescription: String? { description }
}

/// A child's stoppable process tree, as recorded in a session so that another supervisor process
/// can stop it: the leader's process group on POSIX, a named Job Object on Windows.
package struct ProcessTreeID: Codable, Equatable, Sendable {
    /// The leader's PID (the process group id on POSIX).
    package var leader: Int32
    /// The Job Object's name (Windows, when the tree outlives the supervisor).
    package var jobName: String?
    /// The value of `INVOKER_SUPERVISOR_TREE` in every member's environment (`TreeMembers`).
    package var mark: String?
    /// Linux: clock ticks since boot just before the spawn; no member started earlier.
    package var notBeforeTicks: UInt64?

    package init(leader: Int32, jobName: String? = nil, mark: String? = nil, notBeforeTicks: UInt64? = nil) {
        self.leader = leader
        self.jobName = jobName
        self.mark = mark
        self.notBeforeTicks = notBeforeTicks
    }
}

/// How a tree stop went.
package struct TreeStopReport: Equatable, Sendable {
    /// Processes that were still alive when the graceful signal was sent.
    package var signalled: Int
    /// Whether the grace period ran out and the tree was killed.
    package var killed: Bool
    /// PIDs still alive after the kill (should be empty).
    package var survivors: [Int32]

    package init(signalled: Int, killed: Bool, survivors: [Int32]) {
        self.signalled = signalled
        self.killed = killed
        self.survivors = survivors
    }

    /// `processes=K signal=SIGTERM killed=yes|no[ survivors=P,…]`, as every tree-stop line in
    /// boot.log ends.
    package var logFields: String {
        "processes=\(signalled) signal=SIGTERM killed=\(killed ? "yes" : "no")"
            + (survivors.isEmpty ? "" : " survivors=\(survivors.map(String.init).joined(separator: ","))")
    }
}
