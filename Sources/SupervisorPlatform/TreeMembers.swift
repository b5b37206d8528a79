import ProcessProbe

/// Which processes belong to a child's tree on Linux, decided from a snapshot of the process table:
/// the leader, its process group, every descendant by parent links, and every process whose
/// environment carries the tree's mark (`INVOKER_SUPERVISOR_TREE`, inherited by descendants that
/// left the group with `setsid()` or were orphaned by a double fork). Only processes that started
/// at or after the tree's spawn are considered, so a reused PID or process group id of an older
/// process is never taken for a member.
package enum TreeMembers {
    /// The environment variable that marks every process of a tree.
    package static let markVariable = "INVOKER_SUPERVISOR_TREE"

    /// A fresh mark for a new tree.
    package static func newMark() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    /// The living members of `tree` in `table`; `carriesMark` is asked only about processes that
    /// started after the spawn and are not already members by group or parentage.
    package static func select(from table: [ProcStat], tree: ProcessTreeID, excluding me: Int32,
                       carriesMark: (Int32) -> Bool) -> [ProcStat] {
        let notBefore = tree.notBeforeTicks ?? 0
        let candidates = table.filter { $0.state != "Z" && $0.pid != me && $0.startTicks >= notBefore }
            .sorted { ($0.startTicks, $0.pid) < ($1.startTicks, $1.pid) }
        var members = Set<Int32>()
        // Parents start no later than their children: one pass in start order sees each parent first.
        for process in candidates {
            if process.pid == tree.leader || process.processGroup == tree.leader || members.contains(process.parentPID)
                || (tree.mark != nil && carriesMark(process.pid)) {
                members.insert(process.pid)
            }
        }
        return candidates.filter { members.contains($0.pid) }
    }
}
