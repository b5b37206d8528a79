import Foundation
import SupervisorPlatform

/// `<stateDir>/daemon-status.json`: the daemon's state, rewritten atomically on every change (docs/daemon.md).
package struct DaemonStatus: Codable, Equatable {
    package static let schemaName = "invoker-daemon-status/v1"
    package static func path(stateDir: String) -> String { stateDir + "/daemon-status.json" }

    package var schema = DaemonStatus.schemaName
    package var state: DaemonPhase
    package var daemon: SessionFile.Process
    package var invoker: SessionFile.Invoker?
    /// When `state` was entered.
    package var since: String
    package var restarts: Int
    package var consecutiveFailures: Int
    package var lastError: String?
    package var nextRetryAt: String?
    package var config: String
    package var updatedAt: String

    package static func load(stateDir: String) -> DaemonStatus? {
        FileManager.default.contents(atPath: path(stateDir: stateDir)).flatMap { try? JSONDecoder().decode(DaemonStatus.self, from: $0) }
    }

    package func save(stateDir: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.makeDirectories(stateDir)
        try AtomicFile.write(encoder.encode(self), to: Self.path(stateDir: stateDir))
    }
}
