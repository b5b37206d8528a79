import XCTest
import SupervisorPlatform
@testable import Supervisor

/// Every boot.log phrase, pinned by a golden file (Tests/Fixtures/boot-log/phrases.txt): one sample
/// line per `BootLogEvent` case. Adding a case fails to compile `cases` below until a sample and a
/// golden line are added; changing a phrase fails the comparison until docs/boot-log.md and the
/// golden file change with it.
final class BootLogEventTests: XCTestCase {
    private let report = TreeStopReport(signalled: 3, killed: true, survivors: [4242])
    private let clean = TreeStopReport(signalled: 2, killed: false, survivors: [])

    private var samples: [BootLogEvent] {
        let pwsh = ProcessSnapshot.Entry(name: "pwsh", pid: 4000, parentPID: 1, startTime: "2026-11-26T11:00:00.000Z")
        let labview = ProcessSnapshot.Entry(name: "LabVIEW", pid: 4120, parentPID: 1, startTime: "2026-11-26T11:20:00.000Z")
        let lvcompare = ProcessSnapshot.Entry(name: "LVCompare", pid: 4100, parentPID: 1, startTime: "2026-11-26T11:10:00.000Z")
        let snapshot = ProcessSnapshot(phase: "post-warmup", at: "2026-11-26T12:00:00.000Z", watch: ["pwsh", "LVCompare", "LabVIEW"],
                                       processes: [pwsh, labview], previous: [pwsh, lvcompare])
        return [
            .supervisorStart(version: "1.2.3", pid: 10, config: "/ci/supervisor.json", settings: BootSettings(attempts: 3, delaySeconds: 7, timeoutSeconds: 60),
                             readyVia: "file", containment: "subreaper+descendants+mark"),
            .bootHistory("escalated: level 1 after 2 consecutive READY timeouts on main → attempts=4, delay=14, to=90"),
            .internalError("illegal event"),
            .staleReadyFileRemoved(attempt: 1, path: "/r/_invoker/ready.json"),
            .readyPathNotRegular(attempt: 2, kind: .directory, path: "/r/ready.json"),
            .staleReadyFileNotRemoved(attempt: 1, reason: "/r/ready.json: cannot remove: Permission denied"),
            .readyPortAlreadyOpen(attempt: 1, host: "127.0.0.1", port: 8765),
            .attemptSpawned(attempt: 1, pid: 2001, command: ["pwsh", "-File", "tools/Invoker Start.ps1"]),
            .readySignalled(attempt: 1, via: "line", elapsed: "1.5"),
            .readyObserved(attempt: 1, elapsed: "1.514", via: "file", handshake: false),
            .readyObserved(attempt: 2, elapsed: "2", via: "tcp", handshake: true),
            .attemptFailed(attempt: 1, .timedOut(seconds: 60), retryInSeconds: 7),
            .attemptFailed(attempt: 2, .exitedEarly(.exited(code: 1)), retryInSeconds: 7),
            .attemptFailed(attempt: 2, .exitedEarly(.signalled(signal: 9)), retryInSeconds: nil),
            .attemptFailed(attempt: 1, .spawnError("pwsh: not found in PATH"), retryInSeconds: 0.5),
            .attemptFailed(attempt: 3, .handshakeFailed("code=1 duration=0.2"), retryInSeconds: nil),
            .attemptStopped(attempt: 1, pid: 2001, clean),
            .allAttemptsExhausted(lastError: .timedOut(seconds: 60)),
            .warmupStarted(pid: 3001, command: ["LVCompare.exe"]),
            .warmupEnded(.exited(.exited(code: 0), seconds: 2.5)),
            .warmupEnded(.sawProcess(name: "LabVIEW", pid: 4120, seconds: 6.2, warmupRunning: true)),
            .warmupEnded(.leftRunning(pid: 3001, seconds: 15)),
            .warmupEnded(.alreadyRunning(name: "LabVIEW", pids: [4120, 4121])),
            .warmupEnded(.spawnFailed("LVCompare.exe: not found in PATH")),
            .warmupSkipped(.invokerNotReady),
            .invokerExitedAfterReady(.exited(code: 0)),
            .stepStarted(name: "compare", pid: 5001, command: ["pwsh", "-File", "Run.ps1"]),
            .stepStartFailed(name: "report"),
            .stepSpawnError(name: "report", message: "x: not found in PATH"),
            .stepEnded(name: "compare", exitCode: 1, seconds: 12.5),
            .stepSkipped(name: "compare", .invokerNotReady),
            .stepSkipped(name: "report", .previousStepFailed),
            .stepStopped(name: "compare", pid: 5001, report),
            .invokerStopped(pid: 2001, clean),
            .invokerStopped(pid: 2001, report),
            .invokerKept(pid: 2001),
            .cancelled(.hangup),
            .treeStopped(pid: 5001, clean),
            .snapshot(snapshot),
            .invokerAlreadyGone(pid: 2001),
            .invokerAlreadyGone(pid: nil),
            .leftoverInvokerStopped(pid: 2001, clean),
            .sessionNotUpdated("disk full"),
            .bootDeadlineReached(seconds: 120),
            .stopHookDeleted(path: "/r/_invoker/sentinel"),
            .stopHookDeleteFailed(path: "/r/_invoker/sentinel", reason: "no such file"),
            .stopHookStarted(pid: 6001, command: ["pwsh", "-File", "Stop.ps1"]),
            .stopHookEnded(.exited(code: 0), waitedSeconds: 30),
            .stopHookEnded(nil, waitedSeconds: 30),
            .stopHookSpawnError("pwsh: not found in PATH"),
            .hookJobStarted(run: "19638765432", job: "compare", deadline: 120),
            .hookDaemonReady(daemonPID: 700, invokerPID: 701),
            .hookDaemonNotReady(daemonPID: 700, state: "backoff"),
            .hookStopsEarlierJob(folder: "/var/lib/invoker-supervisor/hooks/1-1-compare"),
            .hookJobCompleted(run: "19638765432", job: "compare"),
            .hookJobCompletedSummary(leftBehind: 1, staleSessionsRemoved: 2),
            .daemonStart(pid: 700, config: "/etc/invoker-supervisor/supervisor.json", stateDir: "/var/lib/invoker-supervisor"),
            .daemonBoot(generation: 2),
            .daemonInvokerReady(pid: 701, generation: 2),
            .daemonInvokerLost(reason: "invoker exited code=0", restart: 3, delaySeconds: 2),
            .daemonFatal(reason: "5 failures within 600 s; last: timeout"),
            .daemonStopped,
            .daemonStatusNotWritten(path: "/var/lib/invoker-supervisor/daemon-status.json", error: "disk full"),
            .staleDaemonInvokerStopped(pid: 699, clean),
            .staleDaemonInvokerIsAnotherProcess(pid: 699),
            .finished(.succeeded, exitCode: 0),
            .finished(.notReady(lastFailure: .timedOut(seconds: 60), attempts: 3), exitCode: 3),
        ]
    }

    /// Compiles only while it names every case: a new phrase needs a sample above.
    private func cases(_ event: BootLogEvent) {
        switch event {
        case .supervisorStart, .bootHistory, .internalError, .finished, .staleReadyFileRemoved, .readyPathNotRegular,
             .staleReadyFileNotRemoved, .readyPortAlreadyOpen, .attemptSpawned, .readySignalled, .readyObserved, .attemptFailed,
             .attemptStopped, .allAttemptsExhausted, .warmupStarted, .warmupEnded, .warmupSkipped, .invokerExitedAfterReady,
             .stepStarted, .stepStartFailed, .stepSpawnError, .stepEnded, .stepSkipped, .stepStopped, .invokerStopped, .invokerKept,
             .cancelled, .treeStopped, .snapshot, .invokerAlreadyGone, .leftoverInvokerStopped, .sessionNotUpdated,
             .bootDeadlineReached, .stopHookDeleted, .stopHookDeleteFailed, .stopHookStarted, .stopHookEnded, .stopHookSpawnError,
             .hookJobStarted, .hookDaemonReady, .hookDaemonNotReady, .hookStopsEarlierJob, .hookJobCompleted,
             .hookJobCompletedSummary, .daemonStart, .daemonBoot, .daemonInvokerReady, .daemonInvokerLost, .daemonFatal,
             .daemonStopped, .daemonStatusNotWritten, .staleDaemonInvokerStopped, .staleDaemonInvokerIsAnotherProcess:
            break
        }
    }

    func testEveryPhraseMatchesTheGoldenFile() throws {
        let golden = try String(contentsOf: Self.fixture, encoding: .utf8)
        let lines = samples.map(\.text).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try lines.write(to: Self.fixture, atomically: true, encoding: .utf8) }
        XCTAssertEqual(lines, golden)
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/boot-log/phrases.txt")
}
