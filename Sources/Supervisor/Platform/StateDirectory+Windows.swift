#if os(Windows)
import Foundation

/// The per-user state folder: `%LOCALAPPDATA%\invoker-supervisor`.
func defaultStateDirectory(_ environment: [String: String]) -> String {
    (environment["LOCALAPPDATA"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()) + "\\invoker-supervisor"
}
#endif
