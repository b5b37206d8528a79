/// What one boot does around bringing the invoker to READY — the only thing that differs between
/// `run`, a session's `start` and each generation of the daemon, all driven by `RunExecutor`.
package struct BootPlan: Equatable, Sendable {
    /// Where the invoker is once the sequence ends normally.
    package enum Invoker: Equatable, Sendable {
        /// Stopped with its tree (`run`).
        case stopped
        /// Left running, writing straight to invoker.log, outliving this process (`start`, `keepInvoker`).
        case keptDetached
        /// Left running as this process's child, which watches it (the daemon).
        case keptAsChild
    }

    /// Which summary the boot writes.
    package enum Summary: Equatable, Sendable {
        /// The whole ordered summary (`run`).
        case run
        /// Only a failed boot's block (`start`; `stop` tells the READY story).
        case failedBootOnly
        case none
    }

    package var runsSteps: Bool
    package var runsWarmup: Bool
    package var invoker: Invoker
    /// Whether the boot installs its own SIGINT/SIGTERM/SIGHUP handling (the daemon has its own).
    package var handlesSignals: Bool
    package var summary: Summary

    /// `run`: the whole sequence.
    package static func run(keepInvoker: Bool) -> BootPlan {
        BootPlan(runsSteps: true, runsWarmup: true, invoker: keepInvoker ? .keptDetached : .stopped, handlesSignals: true, summary: .run)
    }

    /// A session's `start`: READY and the warmup; the steps come as `step` subcommands.
    package static let sessionStart = BootPlan(runsSteps: false, runsWarmup: true, invoker: .keptDetached, handlesSignals: true,
                                               summary: .failedBootOnly)

    /// One daemon generation: READY only, the invoker kept as the daemon's child.
    package static let daemon = BootPlan(runsSteps: false, runsWarmup: false, invoker: .keptAsChild, handlesSignals: false, summary: .none)
}
