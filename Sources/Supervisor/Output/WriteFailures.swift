import Foundation
import SupervisorPlatform
import SafeText

/// Failed writes of the files users read (boot.log, invoker.log, snapshots, summary, outputs):
/// each file's first failure is reported on stderr, naming the file and the system's reason, and
/// remembered, so a run whose outputs could not be written never exits 0 (`ExitCode.outputsFailed`).
package enum WriteFailures {
    private static let failed = Locked<Set<String>>([])

    /// Records that writing `path` failed; prints one line on stderr the first time per file.
    package static func report(_ path: String, _ reason: String) {
        let first = failed.withLock { $0.insert(path).inserted }
        if first { Console.err("error: cannot write \(LogText.escaped(path)): \(LogText.escaped(reason)); the file may be incomplete") }
    }

    /// Whether any write has failed in this process.
    package static var any: Bool { !failed.current.isEmpty }
}
