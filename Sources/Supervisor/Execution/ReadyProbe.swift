import Foundation

/// Watches one attempt's READY signal and reports it once: a file appearing (a `.json` file must
/// also parse, so a half-written one does not count), a stdout line matching the pattern (offered
/// by the pipe reader, or read from the invoker's log file when the invoker outlives the supervisor),
/// or a TCP port accepting a connection.
final class ReadyProbe: @unchecked Sendable {
    /// How often the file is looked for.
    static let filePollInterval: TimeInterval = 0.002
    /// How often the port is tried.
    static let tcpPollInterval: TimeInterval = 0.02

    private let signal: ReadySignal
    private let tail: (path: String, offset: UInt64)?
    private let pattern: Regex<AnyRegexOutput>?
    private let onReady: @Sendable () -> Void
    private let lock = NSLock()
    private var finished = false

    /// `tail`: in line mode, read the lines from this file starting at this byte offset
    /// (instead of having them offered).
    init(signal: ReadySignal, tail: (path: String, offset: UInt64)? = nil, onReady: @escaping @Sendable () -> Void) {
        self.signal = signal
        self.tail = tail
        self.onReady = onReady
        if case .line(let text) = signal { pattern = try? Regex(text) } else { pattern = nil }
    }

    /// Offers one line of the invoker's stdout (line mode only).
    func offer(line: String) {
        guard let pattern, !isFinished, line.contains(pattern) else { return }
        fire()
    }

    /// Starts polling in the background (file and tcp modes).
    func startPolling() {
        switch signal {
        case .line:
            guard let tail else { return }
            Thread.detachNewThread { [self] in
                guard let handle = FileHandle(forReadingAtPath: tail.path) else { return }
                defer { try? handle.close() }
                try? handle.seek(toOffset: tail.offset)
                var splitter = LineSplitter()
                while !isFinished {
                    if let data = try? handle.readToEnd(), !data.isEmpty {
                        splitter.feed(Array(data)).forEach(offer(line:))
                    } else {
                        Thread.sleep(forTimeInterval: Self.filePollInterval)
                    }
                }
            }
        case .file(let path):
            poll(every: Self.filePollInterval) { Self.fileSignalsReady(path) }
        case .tcp(let host, let port):
            poll(every: Self.tcpPollInterval) { tcpAccepts(host: host, port: port, timeoutMilliseconds: 200) }
        }
    }

    /// Stops watching; no report is made after this returns.
    func cancel() {
        lock.lock()
        finished = true
        lock.unlock()
    }

    /// Whether the READY file is there and, for a `.json` file, complete.
    static func fileSignalsReady(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        guard path.lowercased().hasSuffix(".json") else { return true }
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return false }
        return (try? JSONSerialization.jsonObject(with: data)) != nil
    }

    private var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    private func poll(every interval: TimeInterval, _ check: @escaping @Sendable () -> Bool) {
        Thread.detachNewThread { [self] in
            while !isFinished {
                if check() { fire(); return }
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }

    private func fire() {
        lock.lock()
        let first = !finished
        finished = true
        lock.unlock()
        if first { onReady() }
    }
}
