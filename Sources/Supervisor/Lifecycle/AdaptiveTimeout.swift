/// The per-attempt READY timeout learned from earlier boots on the same repository, branch and
/// host: the `percentile` of their READY times × `margin`, kept between `floorSeconds` and
/// `ceilingSeconds`; the configured timeout until `minBoots` boots are known (docs/escalation.md).
package struct AdaptiveTimeout: Equatable, Sendable {
    package var percentile = 99.0
    package var margin = 1.5
    package var floorSeconds = 10.0
    package var ceilingSeconds = 300.0
    package var minBoots = 10

    package init() {}

    /// The timeout one boot uses and why, as boot.log and the summary say it.
    package struct Decision: Equatable, Sendable {
        package var timeoutSeconds: Double
        /// `to=42 (auto: p99 28 s × 1.5 over 37 boots)`.
        package var reason: String
    }

    /// The timeout for the next boot, from the READY times (seconds) of earlier boots; `fallback`
    /// (the configured value) while fewer than `minBoots` are known.
    package func decide(bootSeconds: [Double], fallback: Double) -> Decision {
        guard bootSeconds.count >= minBoots, let measured = Self.percentile(percentile, of: bootSeconds) else {
            return Decision(timeoutSeconds: fallback,
                            reason: "to=\(Seconds.format(fallback)) (auto: \(bootSeconds.count) of \(minBoots) boots known; configured value)")
        }
        let wanted = (measured * margin * 1000).rounded(.up) / 1000
        let bounded = min(max(wanted, floorSeconds), ceilingSeconds)
        let bound = bounded > wanted ? ", raised to the floor" : bounded < wanted ? ", lowered to the ceiling" : ""
        return Decision(timeoutSeconds: bounded,
                        reason: "to=\(Seconds.format(bounded)) (auto: p\(Seconds.format(percentile)) \(Seconds.format(measured)) s × \(Seconds.format(margin)) over \(bootSeconds.count) boots\(bound))")
    }

    /// The nearest-rank percentile `p` (0–100) of `values`; nil when there are none.
    package static func percentile(_ p: Double, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
