import Foundation
import SupervisorPlatform

/// How durations in seconds are printed to users.
package enum Seconds {
    /// Whole numbers without a decimal point (`7`), others with up to three decimals (`0.25`),
    /// rounded half away from zero. Plain integer arithmetic: no formatter, no locale, nothing
    /// slow on the path from READY to its boot.log line.
    package static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let milliseconds = Int64((abs(value) * 1000).rounded())
        let whole = String(milliseconds / 1000)
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && milliseconds > 0 ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
