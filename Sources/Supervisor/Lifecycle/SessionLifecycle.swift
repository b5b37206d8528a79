/// The order of the workflow-session subcommands (`start`, `warmup`, `step`, `stop`) as a value:
/// each subcommand loads the session's state, applies one event, and carries out the decision.
/// An out-of-order call is refused with a `SessionRefusal` (exit 65), never silently run.
///
/// absent → booting → ready ⇄ (warm) → stopped;  booting → notReady → stopped;
/// ready → invokerExited (its invoker is found dead) → stopped.
package struct SessionLifecycle: Equatable, Sendable {
    /// Where a session is.
    package enum State: String, Codable, Equatable, Sendable {
        /// No session in this results folder.
        case absent
        /// `start` is bringing the invoker to READY.
        case booting
        /// READY was observed and the invoker is running.
        case ready
        /// READY was never observed (or `start` was interrupted).
        case notReady
        /// The invoker died after READY.
        case invokerExited
        /// `stop` ended the session.
        case stopped
    }

    /// What the subcommand should do.
    package enum Decision: Equatable, Sendable {
        case openSession
        case runWarmup
        case runStep
        /// Do not run the step; say why (`invoker_not_ready` or `invoker_exited`).
        case skipStep(reason: SkipReason)
        case stopInvoker
        case alreadyStopped
    }

    package private(set) var state: State
    /// Whether a warmup has finished in this session.
    package private(set) var warm: Bool
    /// Why the session is not READY: a reason code (`timeout`, `exited`, `spawn_error`, `cancelled`,
    /// `start_interrupted`) or `invoker_exited`.
    package private(set) var reason: NotReadyReason?

    package init(state: State = .absent, warm: Bool = false, reason: NotReadyReason? = nil) {
        self.state = state
        self.warm = warm
        self.reason = reason
    }

    // MARK: - Observations made when a session is loaded

    /// The READY invoker is no longer running.
    package mutating func invokerFoundDead() throws(SessionRefusal) {
        guard state == .ready else { throw .bug(event: "invokerFoundDead", state: state) }
        state = .invokerExited
        reason = .invokerExited
    }

    /// The `start` that opened the session is gone without finishing.
    package mutating func bootAbandoned() throws(SessionRefusal) {
        guard state == .booting else { throw .bug(event: "bootAbandoned", state: state) }
        state = .notReady
        reason = .startInterrupted
    }

    // MARK: - Subcommands

    package mutating func start() throws(SessionRefusal) -> Decision {
        switch state {
        case .absent, .notReady, .invokerExited, .stopped:
            state = .booting
            warm = false
            reason = nil
            return .openSession
        case .booting, .ready:
            throw .refused(command: "start", state: state, fix: "run 'invoker-supervisor stop' first, or use another --results-dir")
        }
    }

    /// `start` finished its boot: READY (and warmed up, if a warmup ran) or not.
    package mutating func bootFinished(ready: Bool, warm: Bool, reason: NotReadyReason?) throws(SessionRefusal) {
        guard state == .booting else { throw .bug(event: "bootFinished", state: state) }
        state = ready ? .ready : .notReady
        self.warm = warm
        self.reason = ready ? nil : reason
    }

    package func warmup() throws(SessionRefusal) -> Decision {
        guard state == .ready else {
            throw .refused(command: "warmup", state: state,
                           fix: state == .absent ? "run 'invoker-supervisor start' first" : "the warmup runs only after READY was observed")
        }
        return .runWarmup
    }

    package mutating func warmupFinished() {
        if state == .ready { warm = true }
    }

    package func step() throws(SessionRefusal) -> Decision {
        switch state {
        case .ready: return .runStep
        case .booting, .notReady: return .skipStep(reason: .invokerNotReady)
        case .invokerExited: return .skipStep(reason: .invokerExited)
        case .absent: throw .refused(command: "step", state: state, fix: "run 'invoker-supervisor start' first")
        case .stopped: throw .refused(command: "step", state: state, fix: "steps run between 'start' and 'stop'")
        }
    }

    package mutating func stop() -> Decision {
        switch state {
        case .absent, .stopped:
            return .alreadyStopped
        case .booting, .ready, .notReady, .invokerExited:
            state = .stopped
            return .stopInvoker
        }
    }
}

/// A subcommand called out of order for the session's state.
package enum SessionRefusal: Error, Equatable, CustomStringConvertible {
    /// `command` cannot run while the session is in `state`.
    case refused(command: String, state: SessionLifecycle.State, fix: String)
    /// An observation that cannot happen in `state` (a supervisor bug).
    case bug(event: String, state: SessionLifecycle.State)

    package var description: String {
        switch self {
        case .refused(let command, let state, let fix):
            return "'\(command)' is refused: the session is \(state.rawValue)\(state == .absent ? " (no session.json)" : ""); \(fix)."
        case .bug(let event, let state):
            return "session event '\(event)' is not allowed in state '\(state.rawValue)'; this is a supervisor bug, please report it with boot.log and session.json."
        }
    }
}
