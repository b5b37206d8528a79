import SupervisorPlatform
import SafeText

/// The `### Invoker Boot` block of the summary, from a finished run (`run`, `start`) or from a
/// session (`stop`, `summary`). Text from a process or the config is inert inline code
/// (`MarkdownText`); step names are plain by their rule. Format: docs/summary.md.
package enum RunSummary {
    /// The exact not-READY line: `invoker not READY — <reason> (attempts=X, delay=Y, to=Z)`.
    package static func notReadyLine(reason: NotReadyReason, attempts: Int, delaySeconds: Double, timeoutSeconds: Double) -> String {
        "invoker not READY — \(reason.rawValue) (attempts=\(attempts), delay=\(Seconds.format(delaySeconds)), to=\(Seconds.format(timeoutSeconds)))"
    }

    /// The `### Invoker Boot` block.
    package static func bootBlock(_ record: RunRecord) -> String {
        var lines = ["### Invoker Boot", ""]
        lines += record.bootNotes.map { "- \(MarkdownText.code($0))" }
        if case .notReady(let failure, let attempts) = record.outcome {
            lines.append(notReadyLine(reason: failure.reason, attempts: attempts,
                                      delaySeconds: record.settings.delaySeconds, timeoutSeconds: record.settings.timeoutSeconds))
            lines.append("")
            let skipped = (record.hasWarmup ? ["warmup"] : []) + record.stepNames
            if !skipped.isEmpty {
                lines.append("- Skipped because the invoker never became READY: \(skipped.joined(separator: ", ")).")
            }
            lines.append("- Last error: \(MarkdownText.code("\(failure)")). Details: `_invoker/boot.log`.")
            if !record.survivors.isEmpty { lines.append(survivorsLine(record.survivors)) }
            return lines.joined(separator: "\n") + "\n\n"
        }
        if let attempt = record.readyAttempt, let elapsed = record.readyElapsedSeconds {
            let how = record.handshakeUsed ? "via \(record.readyVia), handshake ok" : "via \(record.readyVia)"
            lines.append("- READY: attempt \(attempt) of \(record.settings.attempts), \(Seconds.format(elapsed)) s after spawn (\(how))")
        }
        if let warmup = record.warmup {
            lines.append("- Warmup: \(warmup.summaryText)")
        }
        if let exit = record.invokerExitAfterReady {
            lines.append("- Invoker exited after READY (\(exit))")
        }
        for step in record.steps {
            lines.append(stepLine(step.name, exitCode: step.exit?.shellCode, seconds: step.seconds, note: step.note))
        }
        if !record.survivors.isEmpty { lines.append(survivorsLine(record.survivors)) }
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

    /// The block for a workflow session, from session.json.
    package static func bootBlock(_ session: SessionFile) -> String {
        var lines = ["### Invoker Boot", ""]
        lines += [session.adaptiveTimeout, session.escalation].compactMap { $0 }.map { "- \(MarkdownText.code($0))" }
        let settings = session.settings
        switch session.state {
        case .notReady, .booting:
            lines.append(notReadyLine(reason: session.reason ?? .timeout, attempts: session.attempts,
                                      delaySeconds: settings?.delaySeconds ?? 0, timeoutSeconds: settings?.timeoutSeconds ?? 0))
            lines.append("")
        case .ready, .invokerExited, .stopped, .absent:
            if let readyAt = session.readyAt {
                lines.append("- READY: attempt \(session.attempts) of \(settings?.attempts ?? session.attempts), "
                             + "\(Seconds.format(Double(session.elapsedMs ?? 0) / 1000)) s after start (at \(readyAt))")
            } else if session.state == .stopped, let reason = session.reason {
                lines.append(notReadyLine(reason: reason, attempts: session.attempts,
                                          delaySeconds: settings?.delaySeconds ?? 0, timeoutSeconds: settings?.timeoutSeconds ?? 0))
                lines.append("")
            }
        }
        if let warmup = session.warmup { lines.append("- Warmup: \(warmup)") }
        if session.reason == .invokerExited { lines.append("- Invoker exited after READY; later steps were skipped.") }
        for step in session.steps {
            if let skipped = step.skipped {
                lines.append("- Step `\(step.name)`: skipped (\(skipped.rawValue))")
            } else if step.exitCode == nil {
                lines.append("- Step `\(step.name)`: did not finish (started \(step.startedAt); its `step` process ended without recording an exit, and `stop` stopped what it left running)")
            } else {
                lines.append(stepLine(step.name, exitCode: step.exitCode, seconds: Double(step.durationMs ?? 0) / 1000, note: nil))
            }
        }
        if let stopped = session.stoppedAt { lines.append("- Session stopped at \(stopped).") }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// `- Survivors: PIDs P, Q were still alive after the tree was killed (see boot.log).`
    package static func survivorsLine(_ pids: [Int32]) -> String {
        "- Survivors: PIDs \(pids.map(String.init).joined(separator: ", ")) were still alive after the tree was killed (see `_invoker/boot.log`)."
    }

    /// `- Step \`NAME\`: exit E in S s[ (note)]`.
    package static func stepLine(_ name: String, exitCode: Int32?, seconds: Double, note: String?) -> String {
        let result = exitCode.map { "exit \($0)" } ?? "did not finish"
        return "- Step `\(name)`: \(result) in \(Seconds.format((seconds * 1000).rounded() / 1000)) s" + (note.map { " (\(MarkdownText.code($0)))" } ?? "")
    }
}
