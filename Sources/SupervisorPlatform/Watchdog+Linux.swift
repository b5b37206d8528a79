#if os(Linux)
import Foundation
import Glibc

/// A small process (this program, `__watchdog`) in its own session that reads `WatchdogMessage`s
/// on a pipe from the supervisor. When the pipe closes — the supervisor exited or was killed —
/// it stops every tree still watched, so no invoker tree outlives a killed `run` or `start`.
/// Started on the first `watch`.
package enum Watchdog {
    private static let pipe = Locked<Int32?>(nil)

    /// Watches a just-spawned tree.
    package static func watch(_ tree: ProcessTreeID, grace: Double) {
        guard tree.mark != nil else { return }
        send(.watch(tree), grace: grace)
    }

    /// Stops watching a tree (stopped, or kept running on purpose).
    package static func release(_ tree: ProcessTreeID) {
        guard let mark = tree.mark, pipe.current != nil else { return }
        send(.release(mark: mark), grace: 0)
    }

    private static func send(_ message: WatchdogMessage, grace: Double) {
        pipe.withLock { fd in
            if fd == nil { fd = start(grace: grace) }
            guard let writeEnd = fd else { return }
            let bytes = Array(message.line.utf8)
            _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        }
    }

    private static func start(grace: Double) -> Int32? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | 0x80))  // 0x80: POSIX_SPAWN_SETSID
        let words: [String] = [executable, "__watchdog", "--grace", String(grace)]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, executable, &actions, &attributes, argv, environ) == 0
        close(fds[0])
        guard started else {
            close(fds[1])
            return nil
        }
        return fds[1]
    }

    /// The watchdog's own life (`invoker-supervisor __watchdog --grace S`): read messages until the
    /// pipe closes, then stop what is still watched, all at once.
    package static func serve(grace: Double) -> Int32 {
        signal(SIGHUP, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        var watched: [String: ProcessTreeID] = [:]
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 10) {
                switch WatchdogMessage.parse(Substring(decoding: pending[..<newline], as: UTF8.self)) {
                case .watch(let tree)?: if let mark = tree.mark { watched[mark] = tree }
                case .release(let mark)?: watched[mark] = nil
                case nil: break
                }
                pending.removeSubrange(...newline)
            }
        }
        let group = DispatchGroup()
        for tree in watched.values {
            group.enter()
            Thread.detachNewThread {
                _ = stopProcessTree(tree, grace: grace)
                group.leave()
            }
        }
        group.wait()
        return 0
    }
}
#endif
