#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One real run of the `invoker-supervisor` binary, its output captured in files.
/// Started with posix_spawn and reaped with waitpid: Foundation.Process on Linux does not see the
/// exit while a grandchild it never knew about (a warmup left running) holds its socket.
final class SupervisorProcess {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    /// Starts `executable` (the supervisor unless given) with `arguments` in the scratch folder.
    init(_ arguments: [String], in scratch: Scratch, environment: [String: String] = [:], executable: String = Binaries.supervisor) throws {
        // Each run its own files: a daemon and the status calls beside it write at the same time.
        let tag = UUID().uuidString.prefix(8)
        stdoutPath = scratch.file("stdout-\(tag).txt")
        stderrPath = scratch.file("stderr-\(tag).txt")
        var env = ProcessInfo.processInfo.environment
        for key in ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS"] { env.removeValue(forKey: key) }
        env.merge(environment) { _, new in new }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(scratch.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        self.pid = pid
    }

    /// Waits for the supervisor to exit and returns its exit code (128 + signal if killed).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Runs to completion and returns the exit code.
    static func run(_ arguments: [String], in scratch: Scratch, environment: [String: String] = [:],
                    executable: String = Binaries.supervisor) throws -> (code: Int32, run: SupervisorProcess) {
        let run = try SupervisorProcess(arguments, in: scratch, environment: environment, executable: executable)
        return (run.wait(), run)
    }
}
#endif
