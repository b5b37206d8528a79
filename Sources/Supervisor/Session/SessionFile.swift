import Foundation
import SupervisorPlatform

/// `<resultsDir>/_invoker/session.json`: the workflow session between steps (docs/session.md).
package struct SessionFile: Codable, Equatable {
    /// A process as the session names it: PID and start time (UTC ISO-8601 ms).
    package struct Process: Codable, Equatable, RecordedProcess {
        package var pid: Int32
        package var startTime: String
        package var startKey: String?
    }

    /// The invoker: its identity and the tree `stop` ends.
    package struct Invoker: Codable, Equatable, RecordedProcess {
        package var pid: Int32
        package var startTime: String
        package var startKey: String?
        package var tree: ProcessTreeID
    }

    /// A step run (or skipped) in the session.
    package struct Step: Codable, Equatable {
        package var name: String
        package var startedAt: String
        /// The command's exit code; nil when skipped.
        package var exitCode: Int32?
        package var durationMs: Int?
        /// Why it did not run: `invoker_not_ready` or `invoker_exited`.
        package var skipped: SkipReason?
    }


    package static let schemaName = "invoker-session/v1"

    package var schema = SessionFile.schemaName
    package var state: SessionLifecycle.State
    package var warm: Bool
    package var reason: NotReadyReason?
    package var config: String?
    package var openedAt: String
    package var updatedAt: String
    /// The `start` process while it boots.
    package var owner: Process?
    package var invoker: Invoker?
    /// The boot settings `start` used (for the not-READY line).
    package var settings: BootSettings?
    /// The escalation line, when `start` used escalated settings.
    package var escalation: String?
    /// The adaptive-timeout line, when `start` learned its timeout from earlier boots.
    package var adaptiveTimeout: String?
    package var attempts: Int
    package var readyAt: String?
    /// From `start`'s beginning to READY (or to giving up).
    package var elapsedMs: Int?
    package var warmup: String?
    package var steps: [Step] = []
    /// Phases of the snapshots taken in this session, in order.
    package var snapshots: [String] = []
    package var stoppedAt: String?

    package var lifecycle: SessionLifecycle {
        get { SessionLifecycle(state: state, warm: warm, reason: reason) }
        set {
            state = newValue.state
            warm = newValue.warm
            reason = newValue.reason
        }
    }

    /// Why this session cannot be what it says it is, or nil: a READY session always names its
    /// invoker, a not-READY one its reason, a stopped one when it stopped, and only a session that
    /// reached READY can be warm. Checked whenever a session is loaded, so no command acts on a
    /// state that lies.
    package var inconsistency: String? {
        switch state {
        case .absent: return "its state is 'absent', which is never saved"
        case .ready where invoker == nil: return "it is ready but names no invoker"
        case .notReady where reason == nil: return "it is notReady but gives no reason"
        case .stopped where stoppedAt == nil: return "it is stopped but has no stoppedAt"
        case .booting where warm, .notReady where warm: return "it is warm but never reached READY"
        default: return nil
        }
    }
}
