/// Restart and give-up settings of the daemon (docs/daemon.md).
package struct RestartPolicy: Equatable, Sendable {
    /// Delay before the first restart.
    package var baseSeconds = 1.0
    /// Each further consecutive failure multiplies the delay by this.
    package var factor = 2.0
    /// The delay never grows past this.
    package var maxSeconds = 60.0
    /// An invoker that stayed READY this long resets the delay to `baseSeconds`.
    package var resetAfterSeconds = 300.0
    /// This many failures within `windowSeconds` make the daemon give up (`fatal`).
    package var giveUpFailures = 5
    package var giveUpWindowSeconds = 600.0

    package init() {}

    /// The delay before restart number `consecutive` (1-based): base × factor^(consecutive−1), capped.
    package func delay(consecutive: Int) -> Double {
        var delay = baseSeconds
        for _ in 1..<max(1, consecutive) where delay < maxSeconds { delay *= factor }
        return (min(delay, maxSeconds) * 1000).rounded() / 1000
    }
}

/// The daemon's life as a value: boot, run and watch, restart with geometric backoff, give up.
///
/// booting(g) → running(g) → [exit / failed health check] → backingOff(g+1) → booting(g+1) …;
/// too many failures in the window → fatal (the daemon stays up and reports it); a stop signal →
/// stopping → stopped. `g` is the generation: events of an older one are ignored. Times are
/// seconds on a monotonic clock, passed in so the machine stays pure.
/// The daemon's state as daemon-status.json writes it (`state`).
package enum DaemonPhase: String, Codable, Equatable, Sendable {
    case idle, starting, running, backoff, fatal, stopping, stopped
}

package struct DaemonLifecycle: Equatable, Sendable {
    package enum State: Equatable, Sendable {
        case idle
        case booting(generation: Int)
        case running(generation: Int, readySince: Double)
        case backingOff(generation: Int, until: Double)
        case fatal(reason: String)
        case stopping
        case stopped

        /// How daemon-status.json names it.
        package var phase: DaemonPhase {
            switch self {
            case .idle: .idle
            case .booting: .starting
            case .running: .running
            case .backingOff: .backoff
            case .fatal: .fatal
            case .stopping: .stopping
            case .stopped: .stopped
            }
        }
    }

    package enum Action: Equatable, Sendable {
        /// Boot an invoker (READY gating as in `run`) for this generation.
        case boot(generation: Int)
        /// Watch the READY invoker: its exit, and the health check every interval.
        case watch(generation: Int)
        /// Stop what is left of the failed generation's tree, then restart after `delay`.
        case restart(generation: Int, afterSeconds: Double, reason: String)
        /// Stop the tree and stay up in `fatal`, reporting `reason`.
        case giveUp(reason: String)
        /// Stop the invoker tree (graceful, then kill) and exit.
        case stopAll
        case exit
        case none
    }

    package let policy: RestartPolicy
    package private(set) var state: State = .idle
    package private(set) var restarts = 0
    package private(set) var consecutiveFailures = 0
    package private(set) var lastError: String?
    private var failureTimes: [Double] = []

    package init(policy: RestartPolicy) {
        self.policy = policy
    }

    package mutating func begin() -> Action {
        guard state == .idle else { return .none }
        state = .booting(generation: 1)
        return .boot(generation: 1)
    }

    package mutating func bootSucceeded(generation: Int, now: Double) -> Action {
        guard case .booting(generation) = state else { return .none }
        state = .running(generation: generation, readySince: now)
        return .watch(generation: generation)
    }

    package mutating func bootFailed(generation: Int, reason: String, now: Double) -> Action {
        guard case .booting(generation) = state else { return .none }
        return fail(generation, reason: reason, now: now, readySince: nil)
    }

    /// The READY invoker exited, or its health check failed.
    package mutating func invokerLost(generation: Int, reason: String, now: Double) -> Action {
        guard case .running(generation, let readySince) = state else { return .none }
        return fail(generation, reason: reason, now: now, readySince: readySince)
    }

    package mutating func restartDue(generation: Int) -> Action {
        guard case .backingOff(generation, _) = state else { return .none }
        state = .booting(generation: generation)
        return .boot(generation: generation)
    }

    package mutating func stopRequested() -> Action {
        switch state {
        case .stopping, .stopped: return .none
        default:
            state = .stopping
            return .stopAll
        }
    }

    package mutating func stopFinished() -> Action {
        guard state == .stopping else { return .none }
        state = .stopped
        return .exit
    }

    private mutating func fail(_ generation: Int, reason: String, now: Double, readySince: Double?) -> Action {
        lastError = reason
        if let readySince, now - readySince >= policy.resetAfterSeconds { consecutiveFailures = 0 }
        consecutiveFailures += 1
        failureTimes = (failureTimes + [now]).filter { now - $0 < policy.giveUpWindowSeconds }
        if failureTimes.count >= policy.giveUpFailures {
            let message = "\(failureTimes.count) failures within \(Seconds.format(policy.giveUpWindowSeconds)) s; last: \(reason)"
            state = .fatal(reason: message)
            return .giveUp(reason: message)
        }
        let delay = policy.delay(consecutive: consecutiveFailures)
        restarts += 1
        state = .backingOff(generation: generation + 1, until: now + delay)
        return .restart(generation: generation + 1, afterSeconds: delay, reason: reason)
    }
}
