/// A command to run: program and arguments (never a shell string), folder and extra environment.
public struct CommandSpec: Equatable, Sendable {
    /// The program followed by its arguments.
    public var arguments: [String]
    /// Absolute folder the command runs in.
    public var workingDirectory: String
    /// Variables added to (or replacing those in) the supervisor's own environment.
    public var environment: [String: String]
}

/// How READY is signalled by the invoker.
public enum ReadySignal: Equatable, Sendable {
    /// A file appears at this absolute path (a `.json` file must also parse).
    case file(String)
    /// A line on the invoker's stdout matches this regular expression.
    case line(String)
    /// A TCP connection to this host and port is accepted.
    case tcp(host: String, port: UInt16)

    /// `file`, `line` or `tcp`, as written in boot.log's `via=`.
    public var via: String {
        switch self {
        case .file: return "file"
        case .line: return "line"
        case .tcp: return "tcp"
        }
    }
}

/// The check that must pass within its timeout before READY counts.
public struct HandshakeSpec: Equatable, Sendable {
    /// What is checked.
    public enum Check: Equatable, Sendable {
        /// A command that must exit 0.
        case command(CommandSpec)
        /// The seed repo's file-queue Ping: a request in `<folder>/requests`, answered `ok` in `<folder>/responses`.
        case fileQueuePing(folder: String)
    }

    public var check: Check
    public var timeoutSeconds: Double
}

/// The command run once after READY, typically LVCompare with no VI arguments.
public struct WarmupSpec: Equatable, Sendable {
    public var command: CommandSpec
    /// The warmup counts as done when a process of this name appears.
    public var waitForProcess: String?
    /// After this long the warmup is left running and the sequence goes on.
    public var timeoutSeconds: Double
}

/// How `stop` asks the invoker to end before it stops the tree.
public enum StopHook: Equatable, Sendable {
    /// Run this command (e.g. one that sends the invoker its own stop request).
    case command(CommandSpec)
    /// Delete this file: the seed repo's invoker ends its loop when its sentinel file disappears.
    case deleteFile(String)
}

/// How the daemon restarts the invoker and keeps its log.
public struct DaemonSettings: Equatable, Sendable {
    public var restart = RestartPolicy()
    /// Rotate the daemon's logs past this size…
    public var logMaxBytes = 10 * 1024 * 1024
    /// …keeping this many old ones.
    public var logKeep = 5
}

/// One heavy step run after the warmup.
public struct StepSpec: Equatable, Sendable {
    public var name: String
    public var command: CommandSpec
}

/// Everything `run` needs, validated, with relative paths resolved.
public struct SupervisorConfig: Equatable, Sendable {
    public var configFile: String
    public var invoker: CommandSpec
    public var ready: ReadySignal
    public var handshake: HandshakeSpec?
    /// `attempts`, `delaySeconds`, `timeoutSeconds`.
    public var bootSettings: BootSettings
    public var stopGraceSeconds: Double
    public var warmup: WarmupSpec?
    public var steps: [StepSpec]
    /// Absolute results folder; boot.log and friends go to its `_invoker` subfolder.
    public var resultsDir: String
    public var onNotReady: NotReadyPolicy
    public var keepInvoker: Bool
    /// Process names the snapshots show (default pwsh, LVCompare, LabVIEW).
    public var watch: [String]
    /// The graceful stop `stop` tries first; the tree is then given `stopGraceSeconds` before it is stopped.
    public var stopHook: StopHook?
    /// Escalation after repeated READY timeouts on a branch; nil when not configured.
    public var escalation: EscalationPolicy?
    /// The folder for state shared across runs (escalation histories, the daemon's status); nil: the per-user default.
    public var stateDir: String?
    /// Seconds between the daemon's health checks (the handshake, or a liveness check without one); nil: none.
    public var healthIntervalSeconds: Double?
    /// The daemon's restart, give-up and log settings.
    public var daemon = DaemonSettings()

    /// The folder holding boot.log, invoker.log and the other supervisor files.
    public var invokerDir: String { resultsDir + "/_invoker" }

    /// The lifecycle settings this config implies.
    public var policy: LifecyclePolicy {
        LifecyclePolicy(settings: bootSettings, hasHandshake: handshake != nil, hasWarmup: warmup != nil,
                        stepCount: steps.count, keepInvoker: keepInvoker)
    }
}
