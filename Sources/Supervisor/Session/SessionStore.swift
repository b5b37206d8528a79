import Foundation
import SupervisorPlatform
import ProcessProbe
import SafeText

/// Reads and writes session.json under an exclusive lock on `session.lock`, replacing the file
/// atomically, so parallel subcommands on one session never lose or tear an update.
package struct SessionStore {
    package let folder: String

    package var path: String { folder + "/session.json" }
    package var lockPath: String { folder + "/session.lock" }

    /// Runs `body` with the session (nil when there is none) while holding the lock; whatever
    /// `body` leaves in it is saved (nil: nothing is written).
    package func update<T>(_ body: (inout SessionFile?) throws -> T) throws -> T {
        try FileSystem.makeDirectories(folder)
        let lock = try FileLock(path: lockPath)
        defer { lock.release() }
        var session = try load()
        let before = session
        let result = try body(&session)
        if let session, session != before { try save(session) }
        return result
    }

    /// The session as last saved, or nil when there is none.
    package func load() throws -> SessionFile? {
        let kind = FileKind.of(path)
        if kind == .missing { return nil }
        guard kind == .regular else { throw SessionFileError.unreadable(path: path, detail: "it is \(kind.description)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionFileError.unreadable(path: path, detail: "it cannot be read")
        }
        let session: SessionFile
        do {
            session = try JSONDecoder().decode(SessionFile.self, from: data)
        } catch {
            throw SessionFileError.unreadable(path: path, detail: "\(error)")
        }
        if let problem = session.inconsistency { throw SessionFileError.unreadable(path: path, detail: problem) }
        return session
    }

    private func save(_ session: SessionFile) throws {
        var stamped = session
        stamped.updatedAt = Timestamp.iso8601(Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(stamped), to: path)
    }

    /// The session's lifecycle after `observe` (which is applied to the session in place);
    /// `absent` when there is no session.
    package static func observedLifecycle(_ session: inout SessionFile?) throws -> SessionLifecycle {
        guard var current = session else { return SessionLifecycle() }
        try observe(&current)
        session = current
        return current.lifecycle
    }

    /// Applies what can be observed now: a READY invoker that is gone, or a `start` that died while booting.
    package static func observe(_ session: inout SessionFile) throws {
        var lifecycle = session.lifecycle
        if lifecycle.state == .ready, let invoker = session.invoker, !invoker.isAlive {
            try lifecycle.invokerFoundDead()
        } else if lifecycle.state == .booting, let owner = session.owner, !owner.isAlive {
            try lifecycle.bootAbandoned()
        }
        session.lifecycle = lifecycle
    }

}

/// A session.json that cannot be used.
package enum SessionFileError: Error, CustomStringConvertible {
    case unreadable(path: String, detail: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let detail):
            return "session file '\(LogText.escaped(path))' cannot be used (\(LogText.escaped(detail))); move it aside, stop any invoker it names by hand, then run 'invoker-supervisor start' again."
        }
    }
}
