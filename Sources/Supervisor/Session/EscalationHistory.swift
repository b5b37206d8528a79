import Foundation
import SupervisorPlatform

/// The READY outcomes of recent runs on one repository + branch, shared by every supervisor that
/// uses the same state folder (docs/escalation.md); a `LockedJSONFile`.
package struct EscalationHistory: Codable, Equatable {
    /// One run's READY outcome.
    package struct Entry: Codable, Equatable {
        package var at: String
        /// `ready`, `timeout`, `exited`, `spawn_error` or `cancelled`.
        package var result: String
    }

    package static let schemaName = "invoker-escalation/v1"
    /// How many outcomes are kept.
    package static let keep = 20

    package var schema = EscalationHistory.schemaName
    package var repository: String
    package var branch: String
    /// READY timeouts since the last READY.
    package var consecutiveTimeouts = 0
    /// Every outcome ever recorded here.
    package var totalRuns = 0
    package var recent: [Entry] = []

    /// Adds one outcome: a READY resets the count, a timeout raises it, anything else leaves it.
    package mutating func record(_ result: String, at time: String) {
        switch result {
        case "ready": consecutiveTimeouts = 0
        case "timeout": consecutiveTimeouts += 1
        default: break
        }
        totalRuns += 1
        recent = Array((recent + [Entry(at: time, result: result)]).suffix(Self.keep))
    }
}

/// Where the histories live: `<stateDir>/escalation/<repository>/<branch>.json`, names made safe for files.
package struct EscalationStore {
    package let stateDir: String
    package let repository: String
    package let branch: String

    package var path: String { stateDir + "/escalation/" + Self.fileName(repository) + "/" + Self.fileName(branch) + ".json" }

    /// The history as it is now (empty when there is none).
    package func load() throws -> EscalationHistory {
        try update { _ in }
    }

    /// Applies `change` to the history under the lock and saves it; returns the result.
    @discardableResult
    package func update(_ change: (inout EscalationHistory) -> Void) throws -> EscalationHistory {
        try LockedJSONFile(path: path).update(initial: EscalationHistory(repository: repository, branch: branch), change)
    }

    /// Letters, digits, `.`, `_` and `-` kept; anything else (such as `/` in `feature/x`) becomes `_`.
    /// A name longer than `maxNameLength` keeps its first 64 characters and gets a hash of the whole
    /// name, so it fits any file system's name limit and stays distinct.
    package static func fileName(_ text: String) -> String {
        let safe = String(text.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) ? Character($0) : "_" })
        let name = safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" : safe
        guard name.utf8.count > maxNameLength else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(name.prefix(64)) + "-" + String(hash, radix: 16)
    }

    /// Longest file name used as it is (file systems allow 255 bytes; `.json.lock` is added).
    package static let maxNameLength = 200

    /// `--branch`, else `GITHUB_HEAD_REF`, else `GITHUB_REF_NAME`, else `local`.
    package static func branch(_ given: String?, _ environment: [String: String]) -> String {
        [given, environment["GITHUB_HEAD_REF"], environment["GITHUB_REF_NAME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "local"
    }
}

package extension EscalationStore {
    /// The history of `GITHUB_REPOSITORY` (else `local`) and the branch `branch(given, environment)` gives.
    init(stateDir: String, branch given: String?, environment: [String: String]) {
        self.init(stateDir: stateDir, repository: environment["GITHUB_REPOSITORY"].flatMap { $0.isEmpty ? nil : $0 } ?? "local",
                  branch: Self.branch(given, environment))
    }
}
