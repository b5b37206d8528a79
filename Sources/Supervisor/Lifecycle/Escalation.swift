/// The boot settings one run uses.
package struct BootSettings: Codable, Equatable, Sendable {
    package var attempts: Int
    package var delaySeconds: Double
    package var timeoutSeconds: Double

    package init(attempts: Int, delaySeconds: Double, timeoutSeconds: Double) {
        self.attempts = attempts
        self.delaySeconds = delaySeconds
        self.timeoutSeconds = timeoutSeconds
    }
}

/// How boot settings grow after consecutive READY timeouts on one branch (docs/escalation.md).
///
/// Level L = consecutive timeouts − `after` + 1 (0 below `after`). At level L:
/// attempts = base + L × `attemptsStep`, delay = base × `delayFactor`^L, timeout = base × `timeoutFactor`^L,
/// each capped by its maximum (caps apply before rounding to milliseconds). One READY resets the count.
package struct EscalationPolicy: Equatable, Sendable {
    package var after = 2
    package var attemptsStep = 1
    package var delayFactor = 2.0
    package var timeoutFactor = 1.5
    package var maxAttempts = 6
    package var maxDelaySeconds = 60.0
    package var maxTimeoutSeconds = 300.0

    package init() {}

    /// The level for this many consecutive READY timeouts.
    package func level(consecutiveTimeouts: Int) -> Int {
        max(0, consecutiveTimeouts - after + 1)
    }

    /// The settings to use at `level`, starting from the configured `base`.
    package func settings(base: BootSettings, level: Int) -> BootSettings {
        guard level > 0 else { return base }
        func grow(_ value: Double, _ factor: Double, cap: Double) -> Double {
            var result = value
            for _ in 0..<level where result < cap { result *= factor }
            return (min(result, max(cap, value)) * 1000).rounded() / 1000
        }
        return BootSettings(attempts: min(base.attempts + level * attemptsStep, max(maxAttempts, base.attempts)),
                            delaySeconds: grow(base.delaySeconds, delayFactor, cap: maxDelaySeconds),
                            timeoutSeconds: grow(base.timeoutSeconds, timeoutFactor, cap: maxTimeoutSeconds))
    }
}
