#if os(Linux)
import Foundation
import Glibc
import ProcessProbe

/// A child started by the supervisor: a POSIX process leading its own process group
/// (or its own session when detached).
package final class ChildProcess: @unchecked Sendable {
    package let pid: Int32
    /// Read end of the stdout pipe, when stdout was `.pipe`.
    package let stdoutPipe: Int32?
    /// The child's tree: its group, descendants and mark (see `TreeMembers`).
    package let tree: ProcessTreeID
    private let exitLatch = ExitLatch()

    private init(pid: Int32, stdoutPipe: Int32?, tree: ProcessTreeID) {
        self.pid = pid
        self.stdoutPipe = stdoutPipe
        self.tree = tree
    }

    // MARK: - Spawn

    /// Starts the child; call from one thread only (pipes are made close-on-exec before any other spawn).
    package static func spawn(_ request: SpawnRequest) throws(PlatformError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pipeFDs: [Int32] = [-1, -1]
        if request.stdout == .pipe {
            guard pipe(&pipeFDs) == 0 else { throw PlatformError(message: "cannot create a pipe: \(errnoText())") }
            _ = fcntl(pipeFDs[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeFDs[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        }
        addOutput(request.stdout, fd: 1, to: &actions)
        if request.stderr == request.stdout, case .file = request.stderr {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            addOutput(request.stderr, fd: 2, to: &actions)
        }
        guard let addChdir = addChdirAction else {
            throw PlatformError(message: "this C library cannot set a child's working folder (needs glibc 2.29 or later)")
        }
        _ = addChdir(&actions, request.workingDirectory)

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        sigdelset(&defaultSignals, SIGKILL)
        sigdelset(&defaultSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26), not exported to Swift
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if request.domain == .detached {
            flags |= setSession
        } else {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([request.executable] + request.arguments.dropFirst()).map { strdup($0) } + [nil]
        let envp = request.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let notBefore = linuxTicksSinceBoot() &- 1
        // Registered under the same lock the orphan reaper holds, so it never reaps this child.
        let result = spawnedChildren.withLock { registry in
            let result = posix_spawn(&pid, request.executable, &actions, &attributes, argv, envp)
            if result == 0 { registry.insert(pid) }
            return result
        }
        if pipeFDs[1] >= 0 { close(pipeFDs[1]) }
        guard result == 0 else {
            if pipeFDs[0] >= 0 { close(pipeFDs[0]) }
            throw PlatformError(message: "\(request.executable): \(String(cString: strerror(result)))")
        }
        let tree = ProcessTreeID(leader: pid, jobName: nil, mark: request.mark, notBeforeTicks: notBefore)
        let child = ChildProcess(pid: pid, stdoutPipe: pipeFDs[0] >= 0 ? pipeFDs[0] : nil, tree: tree)
        Thread.detachNewThread { child.reap() }
        return child
    }

    private static func addOutput(_ target: OutputTarget, fd: Int32, to actions: inout posix_spawn_file_actions_t) {
        if case .file(let path) = target {
            posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }
    }

    // MARK: - Exit

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        spawnedChildren.withLock { _ = $0.remove(pid) }
        let exit: ProcessExit = (status & 0x7f) == 0
            ? .exited(code: (status >> 8) & 0xff)
            : .signalled(signal: status & 0x7f)
        exitLatch.set(exit)
    }

    /// Blocks until the child has exited, or until `timeout` seconds pass (then nil).
    package func waitForExit(timeout: Double? = nil) -> ProcessExit? {
        exitLatch.wait(timeout: timeout)
    }

    /// The exit status if the child has exited.
    package var exit: ProcessExit? { exitLatch.value }

    // MARK: - Tree stop

    /// Stops the child's whole tree (see `stopProcessTree`); the watchdog then forgets it.
    package func stopTree(grace: Double) -> TreeStopReport {
        defer { Watchdog.release(tree) }
        return stopProcessTree(tree, grace: grace)
    }

    // MARK: - Output

    /// Reads the stdout pipe until every writer has closed it, passing each chunk on.
    package func drainStdout(_ onChunk: ([UInt8]) -> Void) {
        guard let fd = stdoutPipe else { return }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            onChunk(Array(buffer[0..<count]))
        }
    }
}

/// Stops a whole tree (`TreeMembers`: group, descendants, marked processes) as `TeardownPolicy`
/// says. Each signal goes to one PID whose start time was just checked, never to a group id that
/// may have been reused. Orphans this process adopted as subreaper are reaped on the way.
package func stopProcessTree(_ tree: ProcessTreeID, grace: Double) -> TreeStopReport {
    TeardownPolicy(grace: grace).run(LinuxTree(tree: tree))
}

/// The Linux primitives of a tree stop.
private final class LinuxTree: TreeControl {
    let tree: ProcessTreeID
    /// Each member's start ticks at the last look, so a signal never reaches a reused PID.
    private var lastLook: [Int32: UInt64] = [:]

    init(tree: ProcessTreeID) {
        self.tree = tree
    }

    func livingMembers() -> [Int32] {
        reapAdoptedOrphans()
        let members = currentMembers(of: tree)
        lastLook = Dictionary(uniqueKeysWithValues: members.map { ($0.pid, $0.startTicks) })
        return members.map(\.pid)
    }

    func requestStop(_ members: [Int32]) { signal(members, SIGTERM) }

    func kill(_ members: [Int32]) { signal(members, SIGKILL) }

    private func signal(_ pids: [Int32], _ number: Int32) {
        for pid in pids {
            guard let seen = lastLook[pid], let now = linuxStat(pid: pid), now.state != "Z", now.startTicks == seen else { continue }
            Glibc.kill(pid, number)
        }
    }
}

/// The PIDs still alive in the tree.
package func livingMembers(of tree: ProcessTreeID) -> [Int32] {
    currentMembers(of: tree).map(\.pid)
}

/// Makes this process the reaper of orphaned descendants (`PR_SET_CHILD_SUBREAPER`), so a
/// grandchild whose parent exits stays below the supervisor instead of moving to PID 1.
package func becomeSubreaper() {
    _ = prctl?(36, 1, 0, 0, 0)  // PR_SET_CHILD_SUBREAPER
}

/// The containment this platform uses, as boot.log names it.
package let containmentMechanism = "subreaper+descendants+mark"

private func currentMembers(of tree: ProcessTreeID) -> [ProcStat] {
    let mark = tree.mark.map { TreeMembers.markVariable + "=" + $0 }
    return TreeMembers.select(from: linuxProcessTable(), tree: tree, excluding: getpid()) { pid in
        mark.map { linuxEnvironment(of: pid, contains: $0) } ?? false
    }
}

/// The PIDs this process spawned and has not reaped yet (their reaper threads own them).
private let spawnedChildren = Locked<Set<Int32>>([])

/// Reaps exited processes that became this process's children as orphans (subreaper).
package func reapAdoptedOrphans() {
    let me = getpid()
    let zombies = linuxProcessTable().filter { $0.parentPID == me && $0.state == "Z" }
    spawnedChildren.withLock { ours in
        for process in zombies where !ours.contains(process.pid) {
            var status: Int32 = 0
            _ = waitpid(process.pid, &status, WNOHANG)
        }
    }
}

private func errnoText() -> String { String(cString: strerror(errno)) }

/// glibc's `prctl`, which Swift's Glibc module does not import (it is variadic).
private let prctl: (@convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32).self)
}()

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not export.
private let addChdirAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}()
#endif
