/// A command to run: program and arguments (never a shell string), folder and extra environment.
package struct CommandSpec: Equatable, Sendable {
    /// The program followed by its arguments.
    package var arguments: [String]
    /// Absolute folder the command runs in.
    package var workingDirectory: String
    /// Variables added to (or replacing those in) the supervisor's own environment.
    package var environment: [String: String]
}

/// How READY is signalled by the invoker.
package enum ReadySignal: Equatable, Sendable {
    /// A file appears at this absolute path (a `.json` file must also parse).
    case file(String)
    /// A line on the invoker's stdout matches this regular expression.
    case line(String)
    /// A TCP connection to this host and port is accepted.
    case tcp(host: String, port: UInt16)

    /// `file`, `line` or `tcp`, as written in boot.log's `via=`.
    package var via: String {
        switch self {
        case .file: return "file"
        case .line: return "line"
        case .tcp: return "tcp"
        }
    }
}

/// The check that must pass within its timeout before READY counts.
package struct HandshakeSpec: Equatable, Sendable {
    /// What is checked.
    package enum Check: Equatable, Sendable {
        /// A command that must exit 0.
        case command(CommandSpec)
        /// The seed repo's file-queue Ping: a request in `<folder>/requests`, answered `ok` in `<folder>/responses`.
        case fileQueuePing(folder: String)
    }

    package var check: Check
    package var timeoutSeconds: Double
}

/// The command run once after READY, typically LVCompare with no VI arguments.
package struct WarmupSpec: Equatable, Sendable {
    package var command: CommandSpec
    /// The warmup counts as done when a process of this name appears.
    package var waitForProcess: String?
    /// After this long the warmup is left running and the sequence goes on.
    package var timeoutSeconds: Double
}

/// How `stop` asks the invoker to end before it stops the tree.
package enum StopHook: Equatable, Sendable {
    /// Run this command (e.g. one that sends the invoker its own stop request).
    case command(CommandSpec)
    /// Delete this file: the seed repo's invoker ends its loop when its sentinel file disappears.
    case deleteFile(String)
}

/// How the daemon restarts the invoker and keeps its log.
package struct DaemonSettings: Equatable, Sendable {
    package var restart = RestartPolicy()
    /// Rotate the daemon's logs past this size…
    package var logMaxBytes = 10 * 1024 * 1024
    /// …keeping this many old ones.
    package var logKeep = 5
}

/// One heavy step run after the warmup.
package struct StepSpec: Equatable, Sendable {
    package var name: String
    package var command: CommandSpec
}

/// Everything `run` needs, validated, with relative paths resolved.
package struct SupervisorConfig: Equatable, Sendable {
    package var configFile: String
    package var invoker: CommandSpec
    package var ready: ReadySignal
    package var handshake: HandshakeSpec?
    /// `attempts`, `delaySeconds`, `timeoutSeconds`.
    package var bootSettings: BootSettings
    package var stopGraceSeconds: Double
    package var warmup: WarmupSpec?
    package var steps: [StepSpec]
    /// Absolute results folder; boot.log and friends go to its `_invoker` subfolder.
    package var resultsDir: String
    package var onNotReady: NotReadyPolicy
    package var keepInvoker: Bool
    /// Process names the snapshots show (default pwsh, LVCompare, LabVIEW).
    package var watch: [String]
    /// The graceful stop `stop` tries first; the tree is then given `stopGraceSeconds` before it is stopped.
    package var stopHook: StopHook?
    /// Escalation after repeated READY timeouts on a branch; nil when not configured.
    package var escalation: EscalationPolicy?
    /// The READY timeout learned from earlier boots (`"timeoutSeconds": "auto"` or `adaptiveTimeout`); nil when not configured.
    package var adaptiveTimeout: AdaptiveTimeout?
    /// The folder for state shared across runs (escalation histories, the daemon's status); nil: the per-user default.
    package var stateDir: String?
    /// Seconds between the daemon's health checks (the handshake, or a liveness check without one); nil: none.
    package var healthIntervalSeconds: Double?
    /// The daemon's restart, give-up and log settings.
    package var daemon = DaemonSettings()

    /// The folder holding boot.log, invoker.log and the other supervisor files.
    package var invokerDir: String { resultsDir + "/_invoker" }

    /// The lifecycle settings this config implies.
    package var policy: LifecyclePolicy {
        LifecyclePolicy(settings: bootSettings, hasHandshake: handshake != nil, hasWarmup: warmup != nil,
                        stepCount: steps.count, keepInvoker: keepInvoker)
    }
}
