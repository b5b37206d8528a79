/// The `### Invoker Boot` block `run` appends to the step summary. Format: docs/summary.md.
enum RunSummary {
    /// The exact not-READY line: `invoker not READY — <reason> (attempts=X, delay=Y, to=Z)`.
    static func notReadyLine(reason: String, attempts: Int, delaySeconds: Double, timeoutSeconds: Double) -> String {
        "invoker not READY — \(reason) (attempts=\(attempts), delay=\(Seconds.format(delaySeconds)), to=\(Seconds.format(timeoutSeconds)))"
    }

    /// The summary of a finished run: the `### Invoker Boot` block, then a section per process snapshot.
    static func markdown(_ record: RunRecord) -> String {
        bootBlock(record) + record.snapshots.map(SnapshotMarkdown.section).joined()
    }

    /// The `### Invoker Boot` block.
    static func bootBlock(_ record: RunRecord) -> String {
        var lines = ["### Invoker Boot", ""]
        if case .notReady(let failure, let attempts) = record.outcome {
            lines.append(notReadyLine(reason: failure.reasonCode, attempts: attempts,
                                      delaySeconds: record.delaySeconds, timeoutSeconds: record.timeoutSeconds))
            lines.append("")
            let skipped = (record.hasWarmup ? ["warmup"] : []) + record.stepNames
            if !skipped.isEmpty {
                lines.append("- Skipped because the invoker never became READY: \(skipped.joined(separator: ", ")).")
            }
            lines.append("- Last error: \(failure). Details: `_invoker/boot.log`.")
            return lines.joined(separator: "\n") + "\n\n"
        }
        if let attempt = record.readyAttempt, let elapsed = record.readyElapsedSeconds {
            let how = record.handshakeUsed ? "via \(record.readyVia), handshake ok" : "via \(record.readyVia)"
            lines.append("- READY: attempt \(attempt) of \(record.attempts), \(Seconds.format(elapsed)) s after spawn (\(how))")
        }
        if let warmup = record.warmup {
            lines.append("- Warmup: \(warmup.summaryText)")
        }
        if let exit = record.invokerExitAfterReady {
            lines.append("- Invoker exited after READY (\(exit))")
        }
        for step in record.steps {
            let result = step.exit.map { "exit \($0.shellCode)" } ?? "did not finish"
            lines.append("- Step `\(step.name)`: \(result) in \(Seconds.format(step.seconds)) s" + (step.note.map { " (\($0))" } ?? ""))
        }
        let unrun = record.stepsNotRun
        switch record.outcome {
        case .cancelled(let signal):
            lines.append("- Cancelled by \(signal.name); the invoker tree was stopped."
                         + (unrun.isEmpty ? "" : " Not run: \(unrun.joined(separator: ", "))."))
        case .stepFailed:
            if !unrun.isEmpty { lines.append("- Not run because a step failed: \(unrun.joined(separator: ", ")).") }
        case .succeeded, .notReady, .none:
            break
        }
        if let pid = record.keptInvokerPID {
            lines.append(record.sessionMode
                ? "- Invoker running (PID \(pid)) for the following steps; `invoker-supervisor stop` ends it."
                : "- Invoker kept running (PID \(pid)) as configured (keepInvoker).")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
