import Foundation
import SafeText
import SupervisorPlatform

/// Assembles the ordered summary from what a run or a session left behind. `run` and `start`
/// use the run's record; `stop` and `summary` use session.json and snapshots.ndjson. A compare is
/// expected when a heavy step is named `compare`.
package enum SummaryBuilder {
    package static let compareStep = "compare"

    package static func forRun(_ record: RunRecord, config: SupervisorConfig, environment: [String: String]) -> String {
        var expectation: CompareOutcome.Expectation?
        if config.steps.contains(where: { $0.name == compareStep }) {
            if case .notReady = record.outcome {
                expectation = .invokerNotReady
            } else if record.stepsNotRun.contains(compareStep) {
                expectation = .skippedByPolicy
            } else {
                expectation = .expected
            }
        }
        return OrderedSummary(provenance: Provenance(environment: environment, payload: .load(environment), now: Date()),
                              invoker: RunSummary.bootBlock(record), snapshots: record.snapshots,
                              timeline: RunTimeline.read(bootLog: config.resultsDir + "/_invoker/boot.log"),
                              outcome: outcome(under: config.resultsDir, expectation: expectation),
                              runURL: OrderedSummary.runURL(environment), workflow: .from(environment)).markdown()
    }

    /// What a session's compare step says about a missing compare-exec.json; nil when it has none.
    package static func expectation(_ session: SessionFile?) -> CompareOutcome.Expectation? {
        guard let compare = session?.steps.last(where: { $0.name == compareStep }) else { return nil }
        switch compare.skipped {
        case .invokerNotReady: return .invokerNotReady
        case .some: return .skippedByPolicy
        case .none: return .expected
        }
    }

    package static func forSession(_ session: SessionFile?, resultsDir: String, environment: [String: String]) -> String {
        let expectation = expectation(session)
        let invoker = session.map(RunSummary.bootBlock) ?? "### Invoker Boot\n\n- No session in \(MarkdownText.code(resultsDir + "/_invoker")) (run `invoker-supervisor start`).\n\n"
        let snapshots = SnapshotLog.read(resultsDir + "/_invoker/snapshots.ndjson", since: session?.openedAt ?? "")
        return OrderedSummary(provenance: Provenance(environment: environment, payload: .load(environment), now: Date()),
                              invoker: invoker, snapshots: SummarySnapshots(snapshots),
                              timeline: RunTimeline.read(bootLog: resultsDir + "/_invoker/boot.log"),
                              outcome: outcome(under: resultsDir, expectation: expectation),
                              runURL: OrderedSummary.runURL(environment), workflow: .from(environment)).markdown()
    }

    /// The compare outcome: from the newest compare-exec.json under `folder`, else, when a compare
    /// was expected, why it is missing; nil when none was expected or found.
    package static func outcome(under folder: String, expectation: CompareOutcome.Expectation?) -> CompareOutcome? {
        CompareOutcome.find(under: folder, expectation: expectation)
    }
}
