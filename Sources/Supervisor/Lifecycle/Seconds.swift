import Foundation
import SupervisorPlatform

/// How durations in seconds are printed to users.
package enum Seconds {
    /// Whole numbers without a decimal point (`7`), others with up to three decimals (`0.25`).
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }  // 7.0001 rounds to 7.000: `7`, not `7.`
        return text == "-0" ? "0" : text
    }
}
