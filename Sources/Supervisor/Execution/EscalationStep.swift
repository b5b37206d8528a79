import Foundation
import SupervisorPlatform
import SafeText

/// Escalation around one boot: before it, the branch's history decides the settings; after it,
/// the READY outcome is recorded (docs/escalation.md).
package struct EscalationStep {
    package let store: EscalationStore
    package let level: Int
    package let consecutiveTimeouts: Int
    package let settings: BootSettings
    /// Why the history could not be used (an unwritable state folder, …): escalation is optional,
    /// so the boot goes on with the base settings and says so.
    package let problem: String?

    /// Reads the history in `store` and escalates `config`'s boot settings when the level is above 0;
    /// nil when escalation is not configured. Never fails: trouble with the history is a warning.
    package static func prepare(_ config: inout SupervisorConfig, store: EscalationStore) -> EscalationStep? {
        guard let policy = config.escalation else { return nil }
        let history: EscalationHistory
        do {
            history = try store.load()
        } catch {
            Console.err("warning: escalation history \(LogText.escaped(store.path)) unavailable (\(LogText.escaped("\(error)"))); using the base settings")
            return EscalationStep(store: store, level: 0, consecutiveTimeouts: 0, settings: config.bootSettings, problem: "\(error)")
        }
        let level = policy.level(consecutiveTimeouts: history.consecutiveTimeouts)
        config.bootSettings = policy.settings(base: config.bootSettings, level: level)
        return EscalationStep(store: store, level: level, consecutiveTimeouts: history.consecutiveTimeouts,
                              settings: config.bootSettings, problem: nil)
    }

    /// `escalated: level 1 after 2 consecutive READY timeouts on BRANCH → attempts=4, delay=14, to=90`, when
    /// escalated; `escalation unavailable: PROBLEM; base settings used` when the history could not be read.
    package var note: String? {
        if let problem { return "escalation unavailable: \(problem); base settings used" }
        guard level > 0 else { return nil }
        return "escalated: level \(level) after \(consecutiveTimeouts) consecutive READY timeouts on \(store.branch)"
            + " → attempts=\(settings.attempts), delay=\(Seconds.format(settings.delaySeconds)), to=\(Seconds.format(settings.timeoutSeconds))"
    }

    /// Records how the boot ended: `ready`, or the not-READY reason code.
    package func record(_ record: RunRecord) {
        guard problem == nil else { return }
        do {
            try store.update { $0.record(record.bootResult, at: Timestamp.iso8601(Date())) }
        } catch {
            Console.err("warning: cannot record the READY outcome in \(LogText.escaped(store.path)): \(LogText.escaped("\(error)"))")
        }
    }
}
