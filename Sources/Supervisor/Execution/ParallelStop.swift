import Foundation
import SupervisorPlatform

/// Stops several trees at once, each with its own grace period running at the same time, so a
/// cancel with a step and an invoker that both ignore SIGTERM takes one grace period, not two
/// (the runner allows a cancelled step about 10 s in all).
package enum ParallelStop {
    package static func stop(_ children: [ChildProcess], grace: Double) -> [(child: ChildProcess, report: TreeStopReport)] {
        let results = Locked<[Int: TreeStopReport]>([:])
        let group = DispatchGroup()
        for (index, child) in children.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let report = child.stopTree(grace: grace)
                results.withLock { $0[index] = report }
                group.leave()
            }
        }
        group.wait()
        let reports = results.current
        return children.enumerated().map { ($0.element, reports[$0.offset]!) }
    }
}
