#if os(Linux)
import Foundation

/// The per-user state folder: `$XDG_STATE_HOME/invoker-supervisor`, else `~/.local/state/invoker-supervisor`.
func defaultStateDirectory(_ environment: [String: String]) -> String {
    if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/invoker-supervisor" }
    return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/state/invoker-supervisor"
}
#endif
