import SupervisorPlatform

/// Waits for a child the user's command runs in the foreground (`step`, `dispatch`): on SIGINT or
/// SIGTERM its tree is stopped and the signal's exit code (130/143) is its end.
package enum CancellableWait {
    package static func wait(for child: ChildProcess, grace: Double,
                     onCancel: @escaping @Sendable (CancelSignal, TreeStopReport) -> Void = { _, _ in }) -> ProcessExit {
        let cancelled = ExitLatch()
        CancelSignals.install { signal in
            let report = child.stopTree(grace: grace)
            onCancel(signal, report)
            cancelled.set(.exited(code: signal.exitCode))
        }
        while true {
            if let signalled = cancelled.value { return signalled }
            if let exit = child.waitForExit(timeout: 0.1) { return cancelled.value ?? exit }
        }
    }
}
