/// The settings the lifecycle needs to decide what comes next.
package struct LifecyclePolicy: Equatable, Sendable {
    /// Attempts (at least 1), the delay between them and each attempt's READY timeout.
    package var settings: BootSettings
    /// Whether READY must be confirmed by a handshake command.
    package var hasHandshake: Bool
    /// Whether a warmup runs after READY.
    package var hasWarmup: Bool
    /// How many heavy steps run after the warmup.
    package var stepCount: Int
    /// Whether the invoker is left running when the sequence ends normally.
    package var keepInvoker: Bool

    package init(settings: BootSettings, hasHandshake: Bool = false, hasWarmup: Bool = false, stepCount: Int = 0,
                keepInvoker: Bool = false) {
        self.settings = settings
        self.hasHandshake = hasHandshake
        self.hasWarmup = hasWarmup
        self.stepCount = stepCount
        self.keepInvoker = keepInvoker
    }
}
