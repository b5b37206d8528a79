#if os(Linux)
import Foundation
import Glibc
import ProcessProbe

/// A child started by the supervisor: a POSIX process leading its own process group
/// (or its own session when detached).
final class ChildProcess: @unchecked Sendable {
    let pid: Int32
    /// Read end of the stdout pipe, when stdout was `.pipe`.
    let stdoutPipe: Int32?
    private let exitLatch = ExitLatch()

    private init(pid: Int32, stdoutPipe: Int32?) {
        self.pid = pid
        self.stdoutPipe = stdoutPipe
    }

    // MARK: - Spawn

    /// Starts the child; call from one thread only (pipes are made close-on-exec before any other spawn).
    static func spawn(_ request: SpawnRequest) throws(PlatformError) -> ChildProcess {
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
        let result = posix_spawn(&pid, request.executable, &actions, &attributes, argv, envp)
        if pipeFDs[1] >= 0 { close(pipeFDs[1]) }
        guard result == 0 else {
            if pipeFDs[0] >= 0 { close(pipeFDs[0]) }
            throw PlatformError(message: "\(request.executable): \(String(cString: strerror(result)))")
        }
        let child = ChildProcess(pid: pid, stdoutPipe: pipeFDs[0] >= 0 ? pipeFDs[0] : nil)
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
        let exit: ProcessExit = (status & 0x7f) == 0
            ? .exited(code: (status >> 8) & 0xff)
            : .signalled(signal: status & 0x7f)
        exitLatch.set(exit)
    }

    /// Blocks until the child has exited, or until `timeout` seconds pass (then nil).
    func waitForExit(timeout: Double? = nil) -> ProcessExit? {
        exitLatch.wait(timeout: timeout)
    }

    /// The exit status if the child has exited.
    var exit: ProcessExit? { exitLatch.value }

    // MARK: - Tree stop

    /// The child's process group, addressable from other processes.
    var tree: ProcessTreeID { ProcessTreeID(leader: pid, jobName: nil) }

    /// Stops the child's whole process group (see `stopProcessTree`).
    func stopTree(grace: Double) -> TreeStopReport {
        stopProcessTree(tree, grace: grace)
    }

    // MARK: - Output

    /// Reads the stdout pipe until every writer has closed it, passing each chunk on.
    func drainStdout(_ onChunk: ([UInt8]) -> Void) {
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

/// Stops a whole process group: SIGTERM, up to `grace` seconds, then SIGKILL.
/// Returns when no member is alive (or 5 s after the kill).
func stopProcessTree(_ tree: ProcessTreeID, grace: Double) -> TreeStopReport {
    let group = tree.leader
    let alive = linuxLivingMembers(ofGroup: group)
    guard !alive.isEmpty else { return TreeStopReport(signalled: 0, killed: false, survivors: []) }
    kill(-group, SIGTERM)
    if waitUntilGroupGone(group, seconds: grace) {
        return TreeStopReport(signalled: alive.count, killed: false, survivors: [])
    }
    kill(-group, SIGKILL)
    _ = waitUntilGroupGone(group, seconds: 5)
    return TreeStopReport(signalled: alive.count, killed: true, survivors: linuxLivingMembers(ofGroup: group))
}

/// The PIDs still alive in the tree.
func livingMembers(of tree: ProcessTreeID) -> [Int32] {
    linuxLivingMembers(ofGroup: tree.leader)
}

private func waitUntilGroupGone(_ group: Int32, seconds: Double) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    repeat {
        if linuxLivingMembers(ofGroup: group).isEmpty { return true }
        usleep(20_000)
    } while Date() < deadline
    return linuxLivingMembers(ofGroup: group).isEmpty
}

private func errnoText() -> String { String(cString: strerror(errno)) }

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not export.
private let addChdirAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}()
#endif
