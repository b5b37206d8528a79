import Foundation
import SupervisorPlatform
import ProcessProbe

/// Values given on the command line that override the config file.
package struct ConfigOverrides: Equatable, Sendable {
    package var attempts: Int?
    package var delaySeconds: Double?
    package var timeoutSeconds: Double?
    /// Relative to the current folder.
    package var resultsDir: String?
    package var onNotReady: NotReadyPolicy?

    package init(attempts: Int? = nil, delaySeconds: Double? = nil, timeoutSeconds: Double? = nil,
                resultsDir: String? = nil, onNotReady: NotReadyPolicy? = nil) {
        self.attempts = attempts
        self.delaySeconds = delaySeconds
        self.timeoutSeconds = timeoutSeconds
        self.resultsDir = resultsDir
        self.onNotReady = onNotReady
    }
}

/// Turns a config file plus overrides into a validated `SupervisorConfig`.
/// Paths in the file resolve against the file's folder; `--results-dir` against the current folder.
package enum ConfigLoader {
    package static let topKeys = ["invoker", "ready", "handshake", "attempts", "delaySeconds", "timeoutSeconds",
                          "stopGraceSeconds", "warmup", "steps", "resultsDir", "onNotReady", "keepInvoker", "watch", "stop", "escalation", "adaptiveTimeout", "stateDir", "healthCheck", "daemon"]
    package static let commandKeys = ["command", "workingDirectory", "environment"]

    /// Reads, parses and validates the file at `path`.
    package static func load(path: String, overrides: ConfigOverrides = ConfigOverrides(),
                            currentDirectory: String = FileManager.default.currentDirectoryPath) throws(ConfigError) -> SupervisorConfig {
        let file = absolute(path, against: currentDirectory)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw .unreadable(file: file, reason: FileManager.default.fileExists(atPath: file) ? "not readable" : "no such file")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            if let key = error.duplicateKey {
                throw .invalidValue(key: key, problem: "appears twice in one object", fix: "keep one of them")
            }
            throw .invalidJSON(file: file, detail: error.description)
        }
        return try parse(root, file: file, overrides: overrides, currentDirectory: currentDirectory)
    }

    package static func parse(_ root: JSONValue, file: String, overrides: ConfigOverrides,
                              currentDirectory: String) throws(ConfigError) -> SupervisorConfig {
        let base = (file as NSString).deletingLastPathComponent
        let top = try ConfigReader(root, path: "", allowed: topKeys)
        let resultsDir = if let given = overrides.resultsDir { absolute(given, against: currentDirectory) } else {
            absolute(top.has("resultsDir") ? try top.string("resultsDir") : "tests/results", against: base)
        }
        return SupervisorConfig(
            configFile: file,
            invoker: try command(top.object("invoker", allowed: commandKeys), base: base),
            ready: try readySignal(top.object("ready", allowed: ["file", "line", "tcp"]), base: base),
            handshake: try top.has("handshake") ? handshake(top.object("handshake", allowed: commandKeys + ["fileQueuePing", "timeoutSeconds"]), base: base) : nil,
            bootSettings: try bootSettings(top, overrides: overrides),
            stopGraceSeconds: try number(top, "stopGraceSeconds", default: 5, in: 0...300),
            warmup: try top.has("warmup") ? warmup(top.object("warmup", allowed: commandKeys + ["waitForProcess", "timeoutSeconds"]), base: base) : nil,
            steps: try top.has("steps") ? steps(top.objects("steps", allowed: ["name"] + commandKeys), base: base) : [],
            resultsDir: resultsDir,
            onNotReady: try onNotReady(top, override: overrides.onNotReady),
            keepInvoker: try top.has("keepInvoker") ? top.bool("keepInvoker") : false,
            watch: try watchList(top),
            stopHook: try top.has("stop") ? stopHook(top.object("stop", allowed: commandKeys + ["deleteFile"]), base: base) : nil,
            escalation: try top.has("escalation") ? escalationPolicy(top.object("escalation", allowed: [
                "after", "attemptsStep", "delayFactor", "timeoutFactor", "maxAttempts", "maxDelaySeconds", "maxTimeoutSeconds"])) : nil,
            adaptiveTimeout: try adaptiveTimeout(top),
            stateDir: try top.has("stateDir") ? absolute(top.string("stateDir"), against: base) : nil,
            healthIntervalSeconds: try top.has("healthCheck")
                ? number(top.object("healthCheck", allowed: ["intervalSeconds"]), "intervalSeconds", default: nil, in: 0.1...86400) : nil,
            daemon: try top.has("daemon") ? daemonSettings(top.object("daemon", allowed: [
                "restartBaseSeconds", "restartFactor", "restartMaxSeconds", "resetAfterSeconds", "giveUpFailures",
                "giveUpWindowSeconds", "logMaxBytes", "logKeep"])) : DaemonSettings())
    }

    // MARK: - Sections

    /// `attempts`, `delaySeconds`, `timeoutSeconds` — the seed repo's 3 attempts, 7 s apart, 60 s
    /// each by default — with the flags' values taking precedence (and named in range errors).
    private static func bootSettings(_ top: ConfigReader, overrides: ConfigOverrides) throws(ConfigError) -> BootSettings {
        let attempts = if let given = overrides.attempts { given } else { top.has("attempts") ? try top.wholeNumber("attempts") : 3 }
        try check(overrides.attempts != nil ? "--attempts" : "attempts", Double(attempts), in: 1...100)
        let delay = if let given = overrides.delaySeconds { given } else { top.has("delaySeconds") ? try top.number("delaySeconds") : 7 }
        try check(overrides.delaySeconds != nil ? "--delay" : "delaySeconds", delay, in: 0...3600)
        let timeout = if let given = overrides.timeoutSeconds { given } else { try isAuto(top) || !top.has("timeoutSeconds") ? 60 : top.number("timeoutSeconds") }
        try check(overrides.timeoutSeconds != nil ? "--timeout" : "timeoutSeconds", timeout, in: 0.001...86400)
        return BootSettings(attempts: attempts, delaySeconds: delay, timeoutSeconds: timeout)
    }

    private static func handshake(_ reader: ConfigReader, base: String) throws(ConfigError) -> HandshakeSpec {
        let timeout = try number(reader, "timeoutSeconds", default: 15, in: 0.001...3600)
        guard reader.has("command") != reader.has("fileQueuePing") else {
            throw .invalidValue(key: "handshake", problem: "needs exactly one of \"command\" and \"fileQueuePing\"",
                                fix: "give a command that exits 0 when the invoker answers, or the seed invoker's results folder as fileQueuePing")
        }
        guard reader.has("fileQueuePing") else { return HandshakeSpec(check: .command(try command(reader, base: base)), timeoutSeconds: timeout) }
        let folder = try reader.string("fileQueuePing")
        guard !folder.isEmpty else {
            throw .invalidValue(key: reader.key("fileQueuePing"), problem: "is empty", fix: "give the invoker's _invoker folder, e.g. \"tests/results/_invoker\"")
        }
        return HandshakeSpec(check: .fileQueuePing(folder: absolute(folder, against: base)), timeoutSeconds: timeout)
    }

    private static func warmup(_ reader: ConfigReader, base: String) throws(ConfigError) -> WarmupSpec {
        let timeout = try number(reader, "timeoutSeconds", default: 15, in: 0.001...3600)
        let waitFor = reader.has("waitForProcess") ? try reader.string("waitForProcess") : nil
        if let waitFor, waitFor.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidValue(key: reader.key("waitForProcess"), problem: "is empty", fix: "name a process such as \"LabVIEW\" or remove the key")
        }
        return WarmupSpec(command: try command(reader, base: base), waitForProcess: waitFor, timeoutSeconds: timeout)
    }

    private static func steps(_ readers: [ConfigReader], base: String) throws(ConfigError) -> [StepSpec] {
        var steps: [StepSpec] = []
        var names = Set<String>()
        for reader in readers {
            let name = try reader.string("name")
            guard (1...64).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw .invalidValue(key: reader.key("name"), problem: "is \"\(name)\"", fix: "use 1 to 64 letters, digits, '.', '_' or '-'")
            }
            guard names.insert(name).inserted else {
                throw .invalidValue(key: reader.key("name"), problem: "repeats the step name \"\(name)\"", fix: "give every step its own name")
            }
            steps.append(StepSpec(name: name, command: try command(reader, base: base)))
        }
        return steps
    }

    private static func onNotReady(_ top: ConfigReader, override: NotReadyPolicy?) throws(ConfigError) -> NotReadyPolicy {
        if let override { return override }
        guard top.has("onNotReady") else { return .skip }
        let text = try top.string("onNotReady")
        guard let policy = NotReadyPolicy(rawValue: text) else {
            throw .invalidValue(key: "onNotReady", problem: "is \"\(text)\"", fix: "use \"skip\" or \"fail\"")
        }
        return policy
    }

    private static func stopHook(_ reader: ConfigReader, base: String) throws(ConfigError) -> StopHook {
        guard reader.has("command") != reader.has("deleteFile") else {
            throw .invalidValue(key: "stop", problem: "needs exactly one of \"command\" and \"deleteFile\"",
                                fix: "give a command that asks the invoker to end, or the seed invoker's sentinel file as deleteFile")
        }
        return reader.has("deleteFile") ? .deleteFile(absolute(try reader.string("deleteFile"), against: base))
                                        : .command(try command(reader, base: base))
    }

    // MARK: - Pieces

    /// A number key checked against its range; `default` when absent (nil: required).
    private static func number(_ reader: ConfigReader, _ key: String, default value: Double?, in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        let number = if let value, !reader.has(key) { value } else { try reader.number(key) }
        try check(reader.key(key), number, in: range)
        return number
    }

    private static func command(_ reader: ConfigReader, base: String) throws(ConfigError) -> CommandSpec {
        let arguments = try reader.strings("command")
        guard let program = arguments.first, !program.isEmpty else {
            throw .invalidValue(key: reader.key("command"), problem: "is empty",
                                fix: "give the program and its arguments as an array, e.g. [\"pwsh\", \"-File\", \"x.ps1\"]")
        }
        if let index = arguments.firstIndex(where: { $0.unicodeScalars.contains("\0") }) {
            throw .invalidValue(key: "\(reader.key("command"))[\(index)]", problem: "contains a NUL character, which no program can receive",
                                fix: "remove it")
        }
        let folder = reader.has("workingDirectory") ? try reader.string("workingDirectory") : "."
        let environment = reader.has("environment") ? try reader.stringMap("environment") : [:]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            // `=C:` style names are Windows' per-drive folders; any other '=' would split the entry.
            guard !name.isEmpty, !name.unicodeScalars.dropFirst().contains("="), !name.unicodeScalars.contains("\0"), !value.unicodeScalars.contains("\0") else {
                throw .invalidValue(key: "\(reader.key("environment")).\(name)", problem: "is not a usable environment variable (empty, '=' or a NUL character in it)",
                                    fix: "use a name without '=' and values without NUL characters")
            }
        }
        return CommandSpec(arguments: arguments, workingDirectory: absolute(folder, against: base), environment: environment)
    }

    /// `"timeoutSeconds": "auto"` (every default) or an `adaptiveTimeout` object; nil when neither.
    private static func adaptiveTimeout(_ top: ConfigReader) throws(ConfigError) -> AdaptiveTimeout? {
        guard top.has("adaptiveTimeout") else { return try isAuto(top) ? AdaptiveTimeout() : nil }
        let reader = try top.object("adaptiveTimeout", allowed: ["percentile", "margin", "floorSeconds", "ceilingSeconds", "minBoots"])
        var policy = AdaptiveTimeout()
        policy.percentile = try number(reader, "percentile", default: policy.percentile, in: 1...100)
        policy.margin = try number(reader, "margin", default: policy.margin, in: 1...100)
        policy.floorSeconds = try number(reader, "floorSeconds", default: policy.floorSeconds, in: 0.001...86400)
        policy.ceilingSeconds = try number(reader, "ceilingSeconds", default: policy.ceilingSeconds, in: policy.floorSeconds...86400)
        if reader.has("minBoots") { policy.minBoots = try reader.wholeNumber("minBoots") }
        try check(reader.key("minBoots"), Double(policy.minBoots), in: 1...Double(BootTimes.keep))
        return policy
    }

    /// Whether `timeoutSeconds` is the word `"auto"`; any other string is an error naming both forms.
    private static func isAuto(_ top: ConfigReader) throws(ConfigError) -> Bool {
        guard top.has("timeoutSeconds"), case .string(let text) = try top.value("timeoutSeconds") else { return false }
        guard text == "auto" else { throw .wrongType(key: "timeoutSeconds", expected: "a number or \"auto\"", got: "\"\(text)\"") }
        return true
    }

    private static func escalationPolicy(_ reader: ConfigReader) throws(ConfigError) -> EscalationPolicy {
        var policy = EscalationPolicy()
        if reader.has("after") { policy.after = try reader.wholeNumber("after") }
        try check(reader.key("after"), Double(policy.after), in: 1...100)
        if reader.has("attemptsStep") { policy.attemptsStep = try reader.wholeNumber("attemptsStep") }
        try check(reader.key("attemptsStep"), Double(policy.attemptsStep), in: 0...100)
        if reader.has("delayFactor") { policy.delayFactor = try reader.number("delayFactor") }
        try check(reader.key("delayFactor"), policy.delayFactor, in: 1...100)
        if reader.has("timeoutFactor") { policy.timeoutFactor = try reader.number("timeoutFactor") }
        try check(reader.key("timeoutFactor"), policy.timeoutFactor, in: 1...100)
        if reader.has("maxAttempts") { policy.maxAttempts = try reader.wholeNumber("maxAttempts") }
        try check(reader.key("maxAttempts"), Double(policy.maxAttempts), in: 1...100)
        if reader.has("maxDelaySeconds") { policy.maxDelaySeconds = try reader.number("maxDelaySeconds") }
        try check(reader.key("maxDelaySeconds"), policy.maxDelaySeconds, in: 0...3600)
        if reader.has("maxTimeoutSeconds") { policy.maxTimeoutSeconds = try reader.number("maxTimeoutSeconds") }
        try check(reader.key("maxTimeoutSeconds"), policy.maxTimeoutSeconds, in: 0.001...86400)
        return policy
    }

    private static func daemonSettings(_ reader: ConfigReader) throws(ConfigError) -> DaemonSettings {
        var settings = DaemonSettings()
        func seconds(_ key: String, _ value: inout Double, _ range: ClosedRange<Double>) throws(ConfigError) {
            if reader.has(key) { value = try reader.number(key) }
            try check(reader.key(key), value, in: range)
        }
        func whole(_ key: String, _ value: inout Int, _ range: ClosedRange<Double>) throws(ConfigError) {
            if reader.has(key) { value = try reader.wholeNumber(key) }
            try check(reader.key(key), Double(value), in: range)
        }
        try seconds("restartBaseSeconds", &settings.restart.baseSeconds, 0...3600)
        try seconds("restartFactor", &settings.restart.factor, 1...100)
        try seconds("restartMaxSeconds", &settings.restart.maxSeconds, 0...86400)
        try seconds("resetAfterSeconds", &settings.restart.resetAfterSeconds, 0...86400 * 7)
        try whole("giveUpFailures", &settings.restart.giveUpFailures, 1...1_000_000)
        try seconds("giveUpWindowSeconds", &settings.restart.giveUpWindowSeconds, 1...86400 * 7)
        try whole("logMaxBytes", &settings.logMaxBytes, 1024...1_073_741_824)
        try whole("logKeep", &settings.logKeep, 0...100)
        return settings
    }

    private static func watchList(_ top: ConfigReader) throws(ConfigError) -> [String] {
        guard top.has("watch") else { return ProcessProbe.defaultWatch }
        let names = try top.strings("watch")
        guard !names.isEmpty, !names.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw .invalidValue(key: "watch", problem: "is empty or has an empty name",
                                fix: "list process names such as [\"pwsh\", \"LVCompare\", \"LabVIEW\"], or remove the key")
        }
        return names.map(ProcessName.normalized)
    }

    private static func readySignal(_ reader: ConfigReader, base: String) throws(ConfigError) -> ReadySignal {
        let given = ["file", "line", "tcp"].filter(reader.has)
        guard given.count == 1 else {
            throw .invalidValue(key: reader.path, problem: given.isEmpty ? "names no READY signal" : "names more than one READY signal (\(given.joined(separator: ", ")))",
                                fix: "give exactly one of \"file\", \"line\" or \"tcp\"")
        }
        switch given[0] {
        case "file":
            let path = try reader.string("file")
            guard !path.isEmpty else { throw .invalidValue(key: reader.key("file"), problem: "is empty", fix: "give the READY file's path") }
            let file = absolute(path, against: base)
            let kind = FileKind.of(file)
            // A stale READY file is removed before each attempt: only ever a regular file.
            guard kind == .missing || kind == .regular else {
                throw .invalidValue(key: reader.key("file"), problem: "names \(kind.description) (\(file)), which the supervisor will not remove or read as READY",
                                    fix: "name a file the invoker writes, e.g. \"tests/results/_invoker/ready.json\"")
            }
            return .file(file)
        case "line":
            let pattern = try reader.string("line")
            do {
                _ = try ReadyPattern(pattern)
            } catch {
                throw .invalidValue(key: reader.key("line"), problem: "is not a usable regular expression (\"\(pattern)\": \(error.description))",
                                    fix: "give a pattern in the supported subset (docs/configuration.md), such as \"^READY\\\\b\"")
            }
            return .line(pattern)
        default:
            let text = try reader.string("tcp")
            guard let endpoint = parseEndpoint(text) else {
                throw .invalidValue(key: reader.key("tcp"), problem: "is \"\(text)\"", fix: "write host:port, e.g. \"127.0.0.1:8765\" or \"[::1]:8765\"")
            }
            return .tcp(host: endpoint.host, port: endpoint.port)
        }
    }

    package static func parseEndpoint(_ text: String) -> (host: String, port: UInt16)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = UInt16(text[text.index(after: colon)...]), port > 0 else { return nil }
        return (host, port)
    }

    private static func check(_ key: String, _ value: Double, in range: ClosedRange<Double>) throws(ConfigError) {
        guard value.isFinite, range.contains(value) else {
            // The value as given (not rounded), so the message never contradicts itself.
            throw .outOfRange(key: key, value: value.isFinite ? "\(value)".replacingOccurrences(of: ".0", with: "", options: .anchored.union(.backwards)) : "\(value)",
                              allowed: "between \(Seconds.format(range.lowerBound)) and \(Seconds.format(range.upperBound))")
        }
    }

    /// `path` made absolute against `base` and cleaned of `.` and `..` — lexically: symbolic links
    /// are kept (a program's link name is its image name, e.g. a `LVCompare` link).
    package static func absolute(_ path: String, against base: String) -> String {
        HostOS.current.absolute(path, against: base)
    }

}
