import SupervisorPlatform

/// An error the command line reports on one line, with the documented exit code it ends with.
/// Anything else that reaches the top is a supervisor bug: exit 70, never "bad usage".
package protocol ExitCodeError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}

extension UsageError: ExitCodeError {
    package var exitCode: Int32 { ExitCode.usage }
}

extension ConfigError: ExitCodeError {
    package var exitCode: Int32 { ExitCode.usage }
}

extension SessionFileError: ExitCodeError {
    package var exitCode: Int32 { ExitCode.usage }
}

extension SessionRefusal: ExitCodeError {
    package var exitCode: Int32 {
        switch self {
        case .refused: ExitCode.refused
        case .bug: ExitCode.internalError
        }
    }
}

extension DaemonRefusal: ExitCodeError {
    package var exitCode: Int32 { ExitCode.refused }
}

/// A file or folder the command needed could not be made or written (a lock, the state folder).
extension PlatformError: ExitCodeError {
    package var exitCode: Int32 { ExitCode.outputsFailed }
}
