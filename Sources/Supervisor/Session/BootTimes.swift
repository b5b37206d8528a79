import Foundation

/// The READY times and outcomes of recent boots on one repository + branch + host, which the
/// adaptive timeout learns from and `history` shows (docs/escalation.md). Kept in a `LockedJSONFile`.
package struct BootTimes: Codable, Equatable {
    /// One boot that became READY.
    package struct Boot: Codable, Equatable {
        package var at: String
        /// Seconds from the spawn of the attempt that became READY to READY.
        package var seconds: Double
        package var attempt: Int
    }

    package static let schemaName = "invoker-boot-times/v1"
    /// How many READY boots are kept.
    package static let keep = 200

    package var schema = BootTimes.schemaName
    package var repository: String
    package var branch: String
    package var host: String
    /// The last `keep` READY boots, oldest first.
    package var boots: [Boot] = []
    /// How many runs ended each way since the file was made: `ready`, `timeout`, `exited`,
    /// `spawn_error`, `cancelled`.
    package var results: [String: Int] = [:]

    /// Adds one run: its outcome, and its READY time when it became READY.
    package mutating func record(_ result: String, ready: Boot?) {
        results[result, default: 0] += 1
        if let ready { boots = Array((boots + [ready]).suffix(Self.keep)) }
    }

    /// READY runs among those that ran to an outcome (cancelled runs left out); nil before any.
    package var successRate: Double? {
        let decided = results.filter { $0.key != "cancelled" }.values.reduce(0, +)
        return decided == 0 ? nil : Double(results["ready", default: 0]) / Double(decided)
    }
}

/// Where boot times live: `<stateDir>/boot-times/<repository>/<branch>/<host>.json`, names made
/// safe for files as the escalation histories' are.
package struct BootTimesStore {
    package let stateDir: String
    package let repository: String
    package let branch: String
    package let host: String

    package var path: String {
        stateDir + "/boot-times/" + [repository, branch, host].map(EscalationStore.fileName).joined(separator: "/") + ".json"
    }

    package init(stateDir: String, repository: String, branch: String, host: String) {
        self.stateDir = stateDir
        self.repository = repository
        self.branch = branch
        self.host = host
    }

    /// The store of `escalation`'s repository and branch on `host`.
    package init(next escalation: EscalationStore, host: String) {
        self.init(stateDir: escalation.stateDir, repository: escalation.repository, branch: escalation.branch, host: host)
    }

    package func load() throws -> BootTimes {
        try update { _ in }
    }

    @discardableResult
    package func update(_ change: (inout BootTimes) -> Void) throws -> BootTimes {
        try LockedJSONFile(path: path).update(initial: BootTimes(repository: repository, branch: branch, host: host), change)
    }
}
