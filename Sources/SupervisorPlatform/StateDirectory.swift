import Foundation

/// The per-user folder for state shared between runs (escalation history, daemon status) when
/// neither `--state-dir` nor the config's `stateDir` names one.
package enum StateDirectory {
    /// Windows: `%LOCALAPPDATA%\invoker-supervisor` (the name found whatever its case), else the
    /// temporary folder. POSIX: `$XDG_STATE_HOME/invoker-supervisor`, else
    /// `~/.local/state/invoker-supervisor`.
    package static func `default`(_ environment: [String: String], os: HostOS = .current,
                          home: @autoclosure () -> String = NSHomeDirectory(),
                          temporary: @autoclosure () -> String = NSTemporaryDirectory()) -> String {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        switch os {
        case .windows:
            let base = nonEmpty(WindowsEnvironment.value("LOCALAPPDATA", in: environment)) ?? temporary()
            return WindowsPath.join(base, "invoker-supervisor")
        case .posix:
            if let xdg = nonEmpty(environment["XDG_STATE_HOME"]) { return xdg + "/invoker-supervisor" }
            return (nonEmpty(environment["HOME"]) ?? home()) + "/.local/state/invoker-supervisor"
        }
    }
}
