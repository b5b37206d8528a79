import Foundation
import SupervisorPlatform

/// `invoker-supervisor step --name N -- CMD ARGS…`: runs one heavy step in an open session with
/// snapshots around it, passing its exit code through; skips it when the invoker is not READY.
package enum StepCommand {
    package static let spec = SubcommandSpec("step", synopsis: "step --name NAME [--require-ready] [--config FILE] [--results-dir DIR] -- COMMAND [ARGS…]",
        summary: "Run one heavy step in the session, passing its exit code through; when the invoker is not\nREADY, print 'skipped: invoker_not_ready' and exit 0 (3 with --require-ready).",
        options: [OptionSpec("--name", .text(placeholder: "NAME"), "the step's name: 1 to 64 letters, digits, '.', '_' or '-'", required: true),
                  OptionSpec("--require-ready", .flag, "exit 3 instead of 0 when the step is skipped"), .config(), .resultsDir])

    package static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let separator = arguments.firstIndex(of: "--"), separator + 1 < arguments.count else {
            throw UsageError.missingValue(option: "step", example: "--name compare -- pwsh -File tools/Run-Compare.ps1")
        }
        let values = try spec.parse(Array(arguments[..<separator]))
        let command = Array(arguments[(separator + 1)...])
        let name = try values.required("--name")
        guard (1...64).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw UsageError.badValue(option: "--name", value: name, expected: "1 to 64 letters, digits, '.', '_' or '-'")
        }
        let options = try SessionOptions(values, environment: environment)
        let folder = try InvokerFolder.open(resultsDir: options.resultsDir, mirror: Console.out)
        let steps = StepLog(folder: folder.path)
        let stepFile = try AppendFile(path: steps.path)
        let startedAt = Timestamp.iso8601(Date())

        // The decision, and the step recorded as started before its command runs: a `step` that is
        // killed leaves a record, and its command carries the session's tree mark, so `stop` ends it.
        let (decision, mark) = try folder.store.update { session in
            let decision = try SessionStore.observedLifecycle(&session).step()
            if decision == .runStep { steps.append(SessionFile.Step(name: name, startedAt: startedAt), to: stepFile) }
            return (decision, session?.invoker?.tree.mark)
        }
        if case .skipStep(let reason) = decision {
            folder.bootLog.write(.stepSkipped(name: name, reason))
            Console.out("skipped: \(reason.rawValue)")
            try record(SessionFile.Step(name: name, startedAt: startedAt, skipped: reason), in: folder, log: steps, file: stepFile)
            return values.flag("--require-ready") ? ExitCode.notReady : ExitCode.success
        }

        let snapshotter = folder.snapshotter(watch: options.watch)
        snapshotter.take("pre-step:\(name)")
        let spec = CommandSpec(arguments: command, workingDirectory: FileManager.default.currentDirectoryPath, environment: [:])
        let started = MonotonicClock.now()
        let exit: ProcessExit
        do {
            let child = try Launcher(environment: environment).spawn(spec, stdout: .inherit, stderr: .inherit, domain: .tree, mark: mark)
            folder.bootLog.write(.stepStarted(name: name, pid: child.pid, command: command))
            let bootLog = folder.bootLog
            exit = CancellableWait.wait(for: child, grace: options.config?.stopGraceSeconds ?? 5) { signal, report in
                bootLog.write(.cancelled(signal))
                bootLog.write(.stepStopped(name: name, pid: child.pid, report))
            }
        } catch {
            folder.bootLog.write(.stepStartFailed(name: name))
            folder.bootLog.write(.stepSpawnError(name: name, message: error.message))
            exit = .exited(code: 127)
        }
        let seconds = MonotonicClock.now() - started
        folder.bootLog.write(.stepEnded(name: name, exitCode: exit.shellCode, seconds: (seconds * 1000).rounded() / 1000))
        snapshotter.take("post-step:\(name)")
        try record(SessionFile.Step(name: name, startedAt: startedAt, exitCode: exit.shellCode, durationMs: Int((seconds * 1000).rounded())),
                   in: folder, log: steps, file: stepFile)
        return exit.shellCode
    }

    /// Appends `step`'s final record (it replaces the started one when read), under the session's
    /// lock so a `stop` folding the steps into session.json sees it or none of it.
    private static func record(_ step: SessionFile.Step, in folder: InvokerFolder, log: StepLog, file: AppendFile) throws {
        try folder.store.update { _ in log.append(step, to: file) }
    }
}
