import Foundation

/// `<stateDir>/daemon-status.json`: the daemon's state, rewritten atomically on every change (docs/daemon.md).
struct DaemonStatus: Codable, Equatable {
    static let schemaName = "invoker-daemon-status/v1"
    static func path(stateDir: String) -> String { stateDir + "/daemon-status.json" }

    var schema = DaemonStatus.schemaName
    /// `starting`, `running`, `backoff`, `fatal`, `stopping`, `stopped`.
    var state: String
    var daemon: SessionFile.Process
    var invoker: SessionFile.Invoker?
    /// When `state` was entered.
    var since: String
    var restarts: Int
    var consecutiveFailures: Int
    var lastError: String?
    var nextRetryAt: String?
    var config: String
    var updatedAt: String

    static func load(stateDir: String) -> DaemonStatus? {
        FileManager.default.contents(atPath: path(stateDir: stateDir)).flatMap { try? JSONDecoder().decode(DaemonStatus.self, from: $0) }
    }

    func save(stateDir: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.makeDirectories(stateDir)
        try AtomicFile.write(encoder.encode(self), to: Self.path(stateDir: stateDir))
    }
}
