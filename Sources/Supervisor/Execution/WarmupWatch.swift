import Foundation
import SupervisorPlatform
import ProcessProbe

/// Waits for a started warmup to be done: its command exits, the awaited process appears,
/// or the timeout passes (then the warmup is left running).
package enum WarmupWatch {
    package static let pollInterval: TimeInterval = 0.1

    package static func watch(_ child: ChildProcess, waitFor name: String?, timeout: Double) -> WarmupResult {
        let started = MonotonicClock.now()
        let seen: WarmupResult? = Polling.first(within: timeout, every: pollInterval) {
            let waited = rounded(MonotonicClock.now() - started)
            if let name, let seen = ProcessProbe.processes(named: [name]).first {
                return .sawProcess(name: seen.name, pid: seen.pid, seconds: waited, warmupRunning: child.exit == nil)
            }
            return child.exit.map { .exited($0, seconds: waited) }
        }
        return seen ?? .leftRunning(pid: child.pid, seconds: timeout)
    }

    private static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }
}
