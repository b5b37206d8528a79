import SupervisorPlatform

import ProcessProbe

/// Starts the configured warmup outside every stop domain (it is left running by design), unless
/// the awaited process already runs. Logs `warmup start` / `warmup skipped`.
package enum WarmupRunner {
    /// Either the warmup's end is already known, or it was started and must be watched.
    package enum Start {
        case finished(WarmupResult)
        case started(ChildProcess)
    }

    package static func start(_ spec: WarmupSpec, logFolder: String, launcher: Launcher, bootLog: BootLog) -> Start {
        if let name = spec.waitForProcess {
            let existing = ProcessProbe.processes(named: [name])
            if !existing.isEmpty {
                return .finished(.alreadyRunning(name: ProcessName.normalized(name), pids: existing.map(\.pid)))
            }
        }
        do {
            let log = logFolder + "/warmup.log"
            let child = try launcher.spawn(spec.command, stdout: .file(log), stderr: .file(log), domain: .detached)
            bootLog.write(.warmupStarted(pid: child.pid, command: spec.command.arguments))
            return .started(child)
        } catch {
            return .finished(.spawnFailed(error.message))
        }
    }
}
