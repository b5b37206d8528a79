#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import Foundation
import XCTest

/// A fresh folder for one test, with helpers to write a config and read what the supervisor wrote.
struct Scratch {
    let path: String

    init(_ name: String = #function) throws {
        let base = NSTemporaryDirectory() + "invoker-supervisor-tests/"
        path = base + name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `config.json` from a dictionary and returns its path.
    @discardableResult
    func writeConfig(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: file("config.json")))
        return file("config.json")
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: file(name), encoding: .utf8)) ?? ""
    }

    var bootLog: String { read("results/_invoker/boot.log") }

    /// Boot.log lines without their timestamps.
    var bootLines: [String] {
        bootLog.split(separator: "\n").map { line in
            line.firstIndex(of: "]").map { String(line[line.index($0, offsetBy: 2)...]) } ?? String(line)
        }
    }

    /// PIDs the fake invoker wrote with --pid-file.
    func pids(_ name: String = "pids.txt") -> [Int32] {
        read(name).split(separator: "\n").compactMap { Int32($0) }
    }

    /// Waits (up to `seconds`) until `name` contains `text`.
    func waitFor(_ text: String, in name: String, seconds: Double = 60) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if read(name).contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// Config pieces for the fake invoker.
enum Fake {
    static func command(_ knobs: [String]) -> [String] { [Binaries.fakeInvoker] + knobs }

    /// A base config: invoker with `knobs`, READY via `ready`, results under the scratch folder.
    static func config(_ knobs: [String], ready: [String: Any], attempts: Int = 1, delay: Double = 0,
                       timeout: Double = 60, extra: [String: Any] = [:]) -> [String: Any] {
        var config: [String: Any] = [
            "invoker": ["command": command(knobs)],
            "ready": ready,
            "attempts": attempts, "delaySeconds": delay, "timeoutSeconds": timeout,
            "stopGraceSeconds": 2,
            "resultsDir": "results",
        ]
        config.merge(extra) { _, new in new }
        return config
    }
}

/// Whether a process is alive (running and not a zombie).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    return !stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
}

/// Waits up to `seconds` for all `pids` to be gone (orphans are reaped by PID 1 a little later).
func allGone(_ pids: [Int32], seconds: Double = 10) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if !pids.contains(where: isAlive) { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return !pids.contains(where: isAlive)
}
#endif
