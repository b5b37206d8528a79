/// How a child process ended.
package enum ProcessExit: Equatable, Sendable, CustomStringConvertible {
    /// It exited with this code.
    case exited(code: Int32)
    /// It was ended by this signal (POSIX) — on Windows, never produced.
    case signalled(signal: Int32)

    /// `code=N` or `signal=NAME`, as written in boot.log.
    package var description: String {
        switch self {
        case .exited(let code): return "code=\(code)"
        case .signalled(let signal): return "signal=\(SignalName.of(signal))"
        }
    }

    /// The exit code a shell would report for it (128 + signal for a signal).
    package var shellCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signalled(let signal): return 128 + signal
        }
    }
}

/// Names of the POSIX signals the product reports.
package enum SignalName {
    /// `SIGTERM` for 15 and so on; `SIG<n>` for signals without a well-known name.
    package static func of(_ signal: Int32) -> String {
        let names: [Int32: String] = [1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL",
                                      11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM"]
        return names[signal] ?? "SIG\(signal)"
    }
}
