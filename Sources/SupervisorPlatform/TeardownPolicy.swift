import Foundation

/// What a platform can do to one process tree; `TeardownPolicy` decides when.
package protocol TreeControl {
    /// The members alive now (PIDs; on Windows the job's processes).
    func livingMembers() -> [Int32]
    /// Ask these members to stop (SIGTERM each; CTRL_BREAK to the group on Windows).
    func requestStop(_ members: [Int32])
    /// End these members at once (SIGKILL each; TerminateJobObject on Windows).
    func kill(_ members: [Int32])
}

/// How a tree is stopped, the same on every platform, written once: a graceful request, up to
/// `grace` seconds for the tree to leave (members that appear meanwhile get the same request),
/// then kills — the first at the grace's end, to the members last seen — repeated over fresh
/// looks until no member is left or `killWait` seconds pass; whatever remains is reported as
/// survivors.
package struct TeardownPolicy {
    package static let killWait = 5.0
    /// How often the tree is looked at while waiting.
    package static let lookInterval = 0.02
    /// How soon after a kill the tree is looked at again (a killed process is gone within a millisecond or two).
    package static let killLookInterval = 0.002

    package var grace: Double
    package var killWait = TeardownPolicy.killWait
    package var now: () -> Double = { ProcessInfo.processInfo.systemUptime }
    package var pause: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }

    package init(grace: Double) {
        self.grace = grace
    }

    package func run(_ control: TreeControl) -> TreeStopReport {
        var members = control.livingMembers()
        guard !members.isEmpty else { return TreeStopReport(signalled: 0, killed: false, survivors: []) }
        let signalled = members.count
        var asked = Set(members)
        control.requestStop(members)
        let graceEnd = now() + grace
        while true {
            pause(min(Self.lookInterval, max(0, graceEnd - now())))
            // At the grace's end the kill goes to the members of the last look at once (a look
            // costs a process-table scan); the platform skips any that is no longer the same process.
            if now() >= graceEnd { break }
            members = control.livingMembers()
            if members.isEmpty { return TreeStopReport(signalled: signalled, killed: false, survivors: []) }
            let fresh = members.filter { !asked.contains($0) }
            if !fresh.isEmpty {
                control.requestStop(fresh)
                asked.formUnion(fresh)
            }
        }
        let killEnd = now() + killWait
        repeat {
            control.kill(members)
            pause(Self.killLookInterval)
            members = control.livingMembers()
        } while !members.isEmpty && now() < killEnd
        return TreeStopReport(signalled: signalled, killed: true, survivors: members)
    }
}
