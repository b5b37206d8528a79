/// One line the supervisor sends its watchdog (Linux), which stops every tree still watched when
/// the supervisor dies without releasing it (SIGKILL, a crash): `watch LEADER NOTBEFORE MARK` when
/// a tree is spawned, `release MARK` when it is stopped or deliberately kept running.
package enum WatchdogMessage: Equatable {
    case watch(ProcessTreeID)
    case release(mark: String)

    package var line: String {
        switch self {
        case .watch(let tree): "watch \(tree.leader) \(tree.notBeforeTicks ?? 0) \(tree.mark ?? "-")\n"
        case .release(let mark): "release \(mark)\n"
        }
    }

    package static func parse(_ line: Substring) -> WatchdogMessage? {
        let words = line.split(separator: " ")
        switch (words.first, words.count) {
        case ("watch", 4):
            guard let leader = Int32(words[1]), let notBefore = UInt64(words[2]) else { return nil }
            let mark = words[3] == "-" ? nil : String(words[3])
            return .watch(ProcessTreeID(leader: leader, jobName: nil, mark: mark, notBeforeTicks: notBefore))
        case ("release", 2):
            return .release(mark: String(words[1]))
        default:
            return nil
        }
    }
}
