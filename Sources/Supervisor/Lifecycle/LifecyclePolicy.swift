/// The settings the lifecycle needs to decide what comes next.
public struct LifecyclePolicy: Equatable, Sendable {
    /// Attempts (at least 1), the delay between them and each attempt's READY timeout.
    public var settings: BootSettings
    /// Whether READY must be confirmed by a handshake command.
    public var hasHandshake: Bool
    /// Whether a warmup runs after READY.
    public var hasWarmup: Bool
    /// How many heavy steps run after the warmup.
    public var stepCount: Int
    /// Whether the invoker is left running when the sequence ends normally.
    public var keepInvoker: Bool

    public init(settings: BootSettings, hasHandshake: Bool = false, hasWarmup: Bool = false, stepCount: Int = 0,
                keepInvoker: Bool = false) {
        self.settings = settings
        self.hasHandshake = hasHandshake
        self.hasWarmup = hasWarmup
        self.stepCount = stepCount
        self.keepInvoker = keepInvoker
    }
}
