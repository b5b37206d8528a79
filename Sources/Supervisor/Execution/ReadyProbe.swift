import Foundation
import SupervisorPlatform

/// Watches one attempt's READY signal and reports it once: a regular file appearing that is not
/// older than the spawn (a `.json` file must also parse, so a half-written one does not count; a
/// directory or a link never counts), a stdout line matching the pattern (offered by the pipe
/// reader, or read in bounded pieces from the invoker's log file when the invoker outlives the
/// supervisor), or a TCP port accepting a connection — when the port already accepted before the
/// spawn (a leftover process), only after it has been seen closed.
package final class ReadyProbe: @unchecked Sendable {
    /// How often the file is looked for when its folder cannot be watched.
    package static let filePollInterval: TimeInterval = 0.002
    /// How often the file is looked for anyway while its folder is watched (a missed event costs at most this).
    package static let fileWatchFallback: TimeInterval = 0.1
    /// How often the port is tried: a refused connect on loopback costs tens of microseconds, so
    /// trying every 2 ms keeps READY within about a millisecond at about 1 % of one core.
    package static let tcpPollInterval: TimeInterval = 0.002
    /// The most read from the invoker's log at once (memory stays bounded whatever it prints).
    package static let tailChunkBytes = 65_536

    private let signal: ReadySignal
    private let tail: (path: String, offset: UInt64)?
    private let pattern: ReadyPattern?
    private let onReady: @Sendable () -> Void
    private let notBefore: Double
    private let portOpenBeforeSpawn: Bool
    private let finished = Locked(false)

    /// `tail`: in line mode, read the lines from this file starting at this byte offset
    /// (instead of having them offered). `notBefore`: the spawn's wall-clock time (seconds since
    /// 1970); an older READY file is not this attempt's. `portOpenBeforeSpawn`: the port accepted
    /// before this attempt's invoker existed.
    package init(signal: ReadySignal, tail: (path: String, offset: UInt64)? = nil, notBefore: Double = 0, portOpenBeforeSpawn: Bool = false,
         onReady: @escaping @Sendable () -> Void) {
        self.signal = signal
        self.tail = tail
        self.notBefore = notBefore
        self.portOpenBeforeSpawn = portOpenBeforeSpawn
        self.onReady = onReady
        if case .line(let text) = signal { pattern = try? ReadyPattern(text) } else { pattern = nil }
    }

    /// Offers one line of the invoker's stdout (line mode only).
    package func offer(line: String) {
        guard let pattern, !isFinished, pattern.matches(line) else { return }
        fire()
    }

    /// Starts polling in the background (file and tcp modes).
    package func startPolling() {
        switch signal {
        case .line:
            guard let tail else { return }
            Thread.detachNewThread { [self] in
                guard let handle = FileHandle(forReadingAtPath: tail.path) else { return }
                defer { try? handle.close() }
                try? handle.seek(toOffset: tail.offset)
                var splitter = LineSplitter()
                while !isFinished {
                    if let data = try? handle.read(upToCount: Self.tailChunkBytes), !data.isEmpty {
                        splitter.feed(Array(data)).forEach(offer(line:))
                    } else {
                        Thread.sleep(forTimeInterval: Self.filePollInterval)
                    }
                }
            }
        case .file(let path):
            let notBefore = self.notBefore
            Thread.detachNewThread { [self] in
                // Watched from before the first look, so a file written in between still wakes the wait.
                var watch: DirectoryWatch?
                while !isFinished {
                    watch = watch ?? DirectoryWatch.open(Self.folder(of: path))
                    if Self.fileSignalsReady(path, notBefore: notBefore) { fire(); return }
                    if let watch { watch.wait(timeout: Self.fileWatchFallback) } else { Thread.sleep(forTimeInterval: Self.filePollInterval) }
                }
            }
        case .tcp(let host, let port):
            let seenClosed = Locked(!portOpenBeforeSpawn)
            poll(every: Self.tcpPollInterval) {
                let accepts = tcpAccepts(host: host, port: port, timeoutMilliseconds: 200)
                if !accepts { seenClosed.withLock { $0 = true } }
                return accepts && seenClosed.current
            }
        }
    }

    /// Stops watching; no report is made after this returns.
    package func cancel() {
        finished.withLock { $0 = true }
    }

    /// Whether the READY file is there as a regular file, not older than `notBefore` (with 50 ms for
    /// the file system's coarse clock) and, for a `.json` file, complete.
    package static func fileSignalsReady(_ path: String, notBefore: Double) -> Bool {
        guard let modified = FileKind.modificationTime(path), modified >= notBefore - 0.05 else { return false }
        guard path.lowercased().hasSuffix(".json") else { return true }
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return false }
        return (try? JSONSerialization.jsonObject(with: data)) != nil
    }

    /// The folder a READY file appears in, for `/` and `\\` separators alike (`.` for a bare name).
    package static func folder(of path: String) -> String {
        guard let last = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return "." }
        let folder = String(path[..<last])
        if folder.isEmpty { return String(path[last]) }
        return folder.hasSuffix(":") ? folder + String(path[last]) : folder
    }

    private var isFinished: Bool { finished.current }

    private func poll(every interval: TimeInterval, _ check: @escaping @Sendable () -> Bool) {
        Thread.detachNewThread { [self] in
            while !isFinished {
                if check() { fire(); return }
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    private func fire() {
        if !finished.exchange(true) { onReady() }
    }
}
