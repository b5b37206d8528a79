import Foundation

/// `<resultsDir>/_invoker/session.json`: the workflow session between steps (docs/session.md).
struct SessionFile: Codable, Equatable {
    /// A process as the session names it: PID and start time (UTC ISO-8601 ms).
    struct Process: Codable, Equatable {
        var pid: Int32
        var startTime: String
    }

    /// The invoker: its identity and the tree `stop` ends.
    struct Invoker: Codable, Equatable {
        var pid: Int32
        var startTime: String
        var tree: ProcessTreeID
    }

    /// A step run (or skipped) in the session.
    struct Step: Codable, Equatable {
        var name: String
        var startedAt: String
        /// The command's exit code; nil when skipped.
        var exitCode: Int32?
        var durationMs: Int?
        /// Why it did not run: `invoker_not_ready` or `invoker_exited`.
        var skipped: String?
    }

    /// The boot settings `start` used (for the not-READY line).
    struct Settings: Codable, Equatable {
        var attempts: Int
        var delaySeconds: Double
        var timeoutSeconds: Double
    }

    static let schemaName = "invoker-session/v1"

    var schema = SessionFile.schemaName
    var state: SessionLifecycle.State
    var warm: Bool
    var reason: String?
    var config: String?
    var openedAt: String
    var updatedAt: String
    /// The `start` process while it boots.
    var owner: Process?
    var invoker: Invoker?
    var settings: Settings?
    /// The escalation line, when `start` used escalated settings.
    var escalation: String?
    var attempts: Int
    var readyAt: String?
    /// From `start`'s beginning to READY (or to giving up).
    var elapsedMs: Int?
    var warmup: String?
    var steps: [Step] = []
    /// Phases of the snapshots taken in this session, in order.
    var snapshots: [String] = []
    var stoppedAt: String?

    var lifecycle: SessionLifecycle {
        get { SessionLifecycle(state: state, warm: warm, reason: reason) }
        set {
            state = newValue.state
            warm = newValue.warm
            reason = newValue.reason
        }
    }
}
