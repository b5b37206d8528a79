import Foundation
import SupervisorPlatform
import ProcessProbe
import SafeText

/// `invoker-supervisor hook job-started|job-completed`: the GitHub runner's job hooks
/// (`ACTIONS_RUNNER_HOOK_JOB_STARTED` / `_COMPLETED`), which have no time limit of their own (docs/install.md).
package enum HookCommand {
    package static let spec = SubcommandSpec("hook", synopsis: "hook job-started|job-completed [options]",
        summary: "The GitHub runner's job hooks: wait for the daemon or open the job's session (bounded by\n--deadline), snapshot, stop, report leftovers (docs/install.md).",
        options: [OptionSpec("--config", .text(placeholder: "FILE"), "the JSON config (default: $INVOKER_SUPERVISOR_CONFIG)"),
                  OptionSpec("--deadline", .seconds, "job-started gives up waiting after S seconds (default 120, at most 3600)"),
                  .stateDir, .resultsDir,
                  OptionSpec("--keep-days", .seconds, "job-completed removes hook session folders older than this (default 7)"),
                  OptionSpec("--require-ready", .flag, "job-started exits 3 when not READY")])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let event = arguments.first, ["job-started", "job-completed"].contains(event) else {
            throw UsageError.badValue(option: "hook", value: arguments.first ?? "", expected: "job-started or job-completed")
        }
        let values = try spec.parse(Array(arguments.dropFirst()))
        guard let path = values["--config"] ?? environment["INVOKER_SUPERVISOR_CONFIG"] else {
            throw UsageError.missingOption(option: "--config", example: "/etc/invoker-supervisor/supervisor.json", subcommand: "hook \(event)")
        }
        var config = try ConfigLoader.load(path: path)
        let stateDir = StateFolder.resolve(values, config: config, environment: environment)
        config.resultsDir = resultsDir(values, stateDir: stateDir, environment: environment)
        return event == "job-started"
            ? try jobStarted(values, config: config, stateDir: stateDir, environment: environment)
            : try jobCompleted(values, config: config, stateDir: stateDir, environment: environment)
    }

    /// `--results-dir`, else `$INVOKER_SUPERVISOR_RESULTS_DIR`, else `<stateDir>/hooks/<run id>-<attempt>-<job>`.
    package static func resultsDir(_ values: ParsedOptions, stateDir: String, environment: [String: String]) -> String {
        let here = FileManager.default.currentDirectoryPath
        if let given = values["--results-dir"] ?? environment["INVOKER_SUPERVISOR_RESULTS_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return ConfigLoader.absolute(given, against: here)
        }
        let job = ["GITHUB_RUN_ID", "GITHUB_RUN_ATTEMPT", "GITHUB_JOB"].map { environment[$0].flatMap { $0.isEmpty ? nil : $0 } ?? "local" }
        return stateDir + "/hooks/" + EscalationStore.fileName(job.joined(separator: "-"))
    }

    // MARK: - job-started

    private static func jobStarted(_ values: ParsedOptions, config: SupervisorConfig, stateDir: String,
                                   environment: [String: String]) throws -> Int32 {
        let deadline = values.seconds("--deadline") ?? 120
        guard deadline > 0, deadline <= 3600 else {
            throw UsageError.badValue(option: "--deadline", value: values["--deadline"] ?? "", expected: "seconds between 0 and 3600")
        }
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        stopEarlierJobs(stateDir: stateDir, config: config, environment: environment, bootLog: folder.bootLog)
        try? FileSystem.writeAtomically(Array((runnerName(environment) + "\n").utf8), to: config.resultsDir + "/" + runnerFile)
        folder.bootLog.write(.hookJobStarted(run: environment["GITHUB_RUN_ID"] ?? "local", job: environment["GITHUB_JOB"] ?? "local", deadline: deadline))
        var headline: String
        var ready: Bool
        if let daemon = DaemonStatus.load(stateDir: stateDir), daemon.daemon.isAlive {
            let status = waitForDaemon(stateDir: stateDir, seconds: deadline)
            ready = status?.state == .running && status?.invoker.map(\.isAlive) == true
            headline = ready ? "READY (the daemon's invoker, PID \(status?.invoker?.pid ?? 0))"
                             : "not READY (the daemon is \(status?.state.rawValue ?? "gone") after \(Seconds.format(deadline)) s)"
            folder.bootLog.write(ready ? .hookDaemonReady(daemonPID: daemon.daemon.pid, invokerPID: status?.invoker?.pid ?? 0)
                                       : .hookDaemonNotReady(daemonPID: daemon.daemon.pid, state: status?.state.rawValue ?? "gone"))
        } else {
            let destinations = RunExecutor.Destinations(githubOutput: nil, summary: OutputDestinations.summary(values, environment), githubActions: false)
            let report = try StartCommand.open(config: config, history: nil, destinations: destinations, environment: environment, deadline: deadline)
            ready = report.invoker != nil && report.record.readyAttempt != nil
            headline = ready ? "READY (session invoker, PID \(report.invoker?.pid ?? 0), attempt \(report.record.readyAttempt ?? 0))"
                             : "not READY (\(StartCommand.reason(report)))"
        }
        let snapshot = folder.snapshotter(watch: config.watch).take("pre-job")
        if let env = environment["GITHUB_ENV"], !env.isEmpty {
            OutputDestinations.append("INVOKER_SUPERVISOR_RESULTS_DIR=\(config.resultsDir)\nINVOKER_READY=\(ready)\n", to: env, what: "GITHUB_ENV")
        }
        Console.out("invoker-supervisor job-started: \(headline)")
        Console.out(LogText.escaped("  session: \(config.resultsDir)  boot.log: \(folder.path)/boot.log"))
        Console.out("  " + snapshot.counts.map { "\($0.name)=\($0.count)" }.joined(separator: " "))
        return ready || !values.flag("--require-ready") ? ExitCode.success : ExitCode.notReady
    }

    /// Waits (up to `seconds`) for the daemon to report a READY invoker; returns its last status.
    private static func waitForDaemon(stateDir: String, seconds: Double) -> DaemonStatus? {
        var status = DaemonStatus.load(stateDir: stateDir)
        _ = Polling.until(within: seconds, every: 0.25) {
            status = DaemonStatus.load(stateDir: stateDir)
            let ready = status?.state == .running && status?.invoker.map(\.isAlive) == true
            return ready || status?.state == .fatal || status?.state == .stopped
        }
        return status
    }

    // MARK: - job-completed

    private static func jobCompleted(_ values: ParsedOptions, config: SupervisorConfig, stateDir: String,
                                     environment: [String: String]) throws -> Int32 {
        let folder = try InvokerFolder.open(resultsDir: config.resultsDir, mirror: Console.out)
        folder.bootLog.write(.hookJobCompleted(run: environment["GITHUB_RUN_ID"] ?? "local", job: environment["GITHUB_JOB"] ?? "local"))
        let snapshot = folder.snapshotter(watch: config.watch).take("post-job")
        if (try? folder.store.load()) != nil {
            try StopCommand.stopSession(resultsDir: config.resultsDir, config: config, environment: environment, summary: nil)
        }
        let leftBehind = snapshot.processes.filter { process in ["LVCompare", "LabVIEW"].contains { ProcessName.matches(process.name, $0) } }
        for process in leftBehind {
            let text = "left running after the job: \(process.name) (PID \(process.pid), started \(process.startTime))"
            Console.out(environment["GITHUB_ACTIONS"] == "true" ? WorkflowCommand.line("warning", text) : "warning: \(LogText.escaped(text))")
        }
        let removed = cleanStaleSessions(under: stateDir + "/hooks", keepDays: values.seconds("--keep-days") ?? 7,
                                         current: config.resultsDir)
        folder.bootLog.write(.hookJobCompletedSummary(leftBehind: leftBehind.count, staleSessionsRemoved: removed))
        Console.out("invoker-supervisor job-completed: session stopped; \(leftBehind.count) LVCompare/LabVIEW process(es) left running; \(removed) stale session folder(s) removed")
        return ExitCode.success
    }

    /// The file in a hook session folder that names the runner whose job opened it.
    package static let runnerFile = "hook-runner.txt"

    private static func runnerName(_ environment: [String: String]) -> String {
        environment["RUNNER_NAME"].flatMap { $0.isEmpty ? nil : LogText.escaped($0) } ?? "local"
    }

    /// A runner runs one job at a time, so a live session that an earlier job of this runner opened
    /// (its job-completed hook never ran: a crash, a lost runner) is stopped before the new job
    /// starts — in this job's folder and in the other hook folders this runner wrote.
    private static func stopEarlierJobs(stateDir: String, config: SupervisorConfig, environment: [String: String], bootLog: BootLog) {
        let me = runnerName(environment)
        let hooks = stateDir + "/hooks"
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: hooks)) ?? []).map { hooks + "/" + $0 }
            .filter { FileKind.of($0) == .directory && (try? String(contentsOfFile: $0 + "/" + runnerFile, encoding: .utf8)) == me + "\n" }
        for folder in Set([config.resultsDir] + others).sorted() {
            guard let session = try? SessionStore(folder: folder + "/_invoker").load(), session.stoppedAt == nil,
                  let invoker = session.invoker, !livingMembers(of: invoker.tree).isEmpty else { continue }
            bootLog.write(.hookStopsEarlierJob(folder: folder))
            _ = try? StopCommand.stopSession(resultsDir: folder, config: config, environment: environment, summary: nil)
        }
    }

    /// Removes hook session folders older than `keepDays` whose session has no live invoker — only
    /// folders this hook made (a real folder holding a session.json), never anything else there.
    private static func cleanStaleSessions(under folder: String, keepDays: Double, current: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names {
            let path = folder + "/" + name
            guard path != current, FileKind.of(path) == .directory, FileKind.of(path + "/_invoker/session.json") == .regular,
                  let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > keepDays * 86400 else { continue }
            let session = try? SessionStore(folder: path + "/_invoker").load()
            if let invoker = session?.invoker, invoker.isAlive { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
        }
        return removed
    }
}
