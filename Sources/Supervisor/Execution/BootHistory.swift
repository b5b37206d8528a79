import Foundation
import SafeText
import SupervisorPlatform

/// What earlier boots on this repository + branch decide for this one, and what this one leaves
/// for later ones: the adaptive READY timeout (from the boot times of this host), then escalation
/// (from consecutive READY timeouts) on top of it (docs/escalation.md). Both are optional: trouble
/// with the state folder is a warning and the boot goes on with the configured settings.
package struct BootHistory {
    package let escalation: EscalationStep?
    /// Where this boot's READY time is recorded; nil when neither feature is configured or the
    /// state folder cannot be used.
    package let bootTimes: BootTimesStore?
    /// `adaptive timeout: to=42 (auto: p99 28 s × 1.5 over 37 boots)`; nil when not configured.
    package let adaptiveNote: String?

    /// The lines boot.log and the summary show before the attempts.
    package var notes: [String] { [adaptiveNote, escalation?.note].compactMap { $0 } }

    /// Decides `config`'s boot settings from the history. `timeoutGiven`: `--timeout` was typed,
    /// which beats the learned timeout.
    package static func prepare(_ config: inout SupervisorConfig, branch: String?, stateDir: String, environment: [String: String],
                                timeoutGiven: Bool, host: String = Provenance.hostName()) -> BootHistory {
        guard config.escalation != nil || config.adaptiveTimeout != nil else {
            return BootHistory(escalation: nil, bootTimes: nil, adaptiveNote: nil)
        }
        let histories = EscalationStore(stateDir: stateDir, branch: branch, environment: environment)
        let times = BootTimesStore(next: histories, host: host)
        var timesUsable = true
        var note: String?
        if let policy = config.adaptiveTimeout {
            let configured = config.bootSettings.timeoutSeconds
            if timeoutGiven {
                note = "adaptive timeout: to=\(Seconds.format(configured)) (--timeout given; learned boot times not used)"
            } else {
                do {
                    let decision = policy.decide(bootSeconds: try times.load().boots.map(\.seconds), fallback: configured)
                    config.bootSettings.timeoutSeconds = decision.timeoutSeconds
                    note = "adaptive timeout: " + decision.reason
                } catch {
                    Console.err("warning: boot times \(LogText.escaped(times.path)) unavailable (\(LogText.escaped("\(error)"))); using the configured timeout")
                    note = "adaptive timeout unavailable: \(error); to=\(Seconds.format(configured)) configured value used"
                    timesUsable = false
                }
            }
        }
        let escalation = EscalationStep.prepare(&config, store: histories)
        // The same folder: when the escalation history could not be used, neither can the boot times.
        if escalation?.problem != nil { timesUsable = false }
        return BootHistory(escalation: escalation, bootTimes: timesUsable ? times : nil, adaptiveNote: note)
    }

    /// Records how the boot ended: in the escalation history, and with its READY time in the boot times.
    package func record(_ record: RunRecord) {
        escalation?.record(record)
        guard let bootTimes else { return }
        var ready: BootTimes.Boot?
        if let attempt = record.readyAttempt, let seconds = record.readyElapsedSeconds {
            ready = BootTimes.Boot(at: record.readyAt ?? Timestamp.iso8601(Date()), seconds: seconds, attempt: attempt)
        }
        do {
            try bootTimes.update { $0.record(record.bootResult, ready: ready) }
        } catch {
            Console.err("warning: cannot record the boot time in \(LogText.escaped(bootTimes.path)): \(LogText.escaped("\(error)"))")
        }
    }
}
