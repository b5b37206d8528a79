/// The settings the lifecycle needs to decide what comes next.
public struct LifecyclePolicy: Equatable, Sendable {
    /// How many attempts to start the invoker (at least 1).
    public var attempts: Int
    /// Seconds to wait between a failed attempt and the next.
    public var delaySeconds: Double
    /// Seconds one attempt may take to signal READY.
    public var timeoutSeconds: Double
    /// Whether READY must be confirmed by a handshake command.
    public var hasHandshake: Bool
    /// Whether a warmup runs after READY.
    public var hasWarmup: Bool
    /// How many heavy steps run after the warmup.
    public var stepCount: Int
    /// Whether the invoker is left running when the sequence ends normally.
    public var keepInvoker: Bool

    public init(attempts: Int, delaySeconds: Double, timeoutSeconds: Double, hasHandshake: Bool = false,
                hasWarmup: Bool = false, stepCount: Int = 0, keepInvoker: Bool = false) {
        self.attempts = attempts
        self.delaySeconds = delaySeconds
        self.timeoutSeconds = timeoutSeconds
        self.hasHandshake = hasHandshake
        self.hasWarmup = hasWarmup
        self.stepCount = stepCount
        self.keepInvoker = keepInvoker
    }
}
