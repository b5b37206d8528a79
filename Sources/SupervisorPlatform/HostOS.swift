/// Whose rules a platform decision follows (environment names, paths, program lookup, quoting).
/// The decisions themselves are plain code that every platform compiles and tests; only
/// `HostOS.current` differs per platform.
package enum HostOS: Sendable, Equatable {
    case windows
    case posix
}

package extension HostOS {
    /// A child's environment: `inherited` with `overrides` applied, names compared as this system
    /// compares them (exactly on POSIX; without case on Windows, one entry per name).
    func environment(_ inherited: [String: String], overriddenBy overrides: [String: String]) -> [String: String] {
        switch self {
        case .posix: inherited.merging(overrides) { _, new in new }
        case .windows: WindowsEnvironment.merge(inherited, overrides)
        }
    }

    /// `path` made absolute against `base` by this system's rules (as text; links are not followed).
    func absolute(_ path: String, against base: String) -> String {
        switch self {
        case .posix: PosixPath.absolute(path, against: base)
        case .windows: WindowsPath.absolute(path, against: base)
        }
    }
}
