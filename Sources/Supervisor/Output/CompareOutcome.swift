import Foundation
import SupervisorPlatform
import SafeText

/// `compare-outcome/v1`: what the compare found, read as the seed's `Parse-CompareExec.ps1` reads it
/// — `lvcompare-capture.json` first, `compare-exec.json` to fill in or as the fallback, both read
/// tolerantly — with every field the seed writes, plus ours: a `status`, a `reason` code when there
/// is no result, and `warnings` where a file breaks its schema (docs/compare-outcome.md).
package struct CompareOutcome: Equatable {
    package enum Status: String { case ok, missing, error }
    package enum Source: String { case capture, compareExec = "compare-exec", missing }

    /// How one of the two files was read: the seed's `capture` / `compareExec` objects.
    package struct FileRead: Equatable {
        package var status = "missing"
        package var reason: String?
        package var path: String?
        package var exitCode: Int?
        package var diff: Bool?
    }

    /// What the run knew about the compare when no file was found.
    package enum Expectation {
        case invokerNotReady
        case skippedByPolicy
        case expected
    }

    package static let schema = "compare-outcome/v1"

    package var status: Status = .missing
    /// `no_exec_json`, `no_cli`, `missing_vi`, `invoker_not_ready`, `skipped`, when one applies.
    package var reason: String?
    package var source: Source = .missing
    package var file: String?
    package var diff: Bool?
    package var exitCode: Int?
    package var durationMs: Double?
    package var cliPath: String?
    package var command: String?
    package var stdoutPath: String?
    package var stdoutLen: Int?
    package var stderrPath: String?
    package var stderrLen: Int?
    package var reportPath: String?
    package var cliArtifacts: OrderedJSON?
    package var captureJson: String?
    package var capture = FileRead(reason: "no_capture_json")
    package var compareExec = FileRead(reason: "no_exec_json")
    package var base: String?
    package var head: String?
    package var error: String?
    /// Schema violations of the files read; the values were still used.
    package var warnings: [String] = []
    /// The folder searched (for the "nothing found" line).
    package var searchDir = ""

    // MARK: - Finding and reading

    /// The seed's choice among several files of one name: the greatest full path, compared
    /// without case (no timestamps).
    package static func pick(_ paths: [String]) -> String? {
        paths.max { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// Every file named `name` (without case) under `folder`, hidden folders not searched.
    package static func files(named name: String, under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let leaf = (relative as NSString).lastPathComponent
            if leaf.hasPrefix(".") { walker.skipDescendants(); continue }
            if leaf.lowercased() == name { found.append(folder + "/" + relative) }
        }
        return found
    }

    /// The outcome of the compare results under `folder`; with nothing there, `expectation` says
    /// why (nil: nothing is known, no outcome).
    package static func find(under folder: String, expectation: Expectation?, exists: (String) -> Bool = FileManager.default.fileExists(atPath:))
        -> CompareOutcome? {
        var outcome = CompareOutcome()
        outcome.searchDir = folder
        let capturePath = pick(files(named: "lvcompare-capture.json", under: folder))
        let execPath = pick(files(named: "compare-exec.json", under: folder))
        outcome.captureJson = capturePath
        outcome.capture.path = capturePath
        outcome.compareExec.path = execPath
        if let capturePath { outcome.readCapture(capturePath, exists: exists) }
        if let execPath { outcome.readExec(execPath) }
        guard capturePath != nil || execPath != nil else {
            guard let expectation else { return nil }
            outcome.reason = expectation.reason
            return outcome
        }
        outcome.decide(exists: exists)
        return outcome
    }

    /// The outcome when nothing was found.
    package static func missing(_ expectation: Expectation) -> CompareOutcome {
        var outcome = CompareOutcome()
        outcome.reason = expectation.reason
        return outcome
    }

    private mutating func readCapture(_ path: String, exists: (String) -> Bool) {
        guard let data = FileManager.default.contents(atPath: path),
              let capture = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            self.capture.status = "error"
            self.capture.reason = "\(path) is not a JSON object"
            return
        }
        self.capture.status = "ok"
        self.capture.reason = nil
        source = .capture
        file = path
        exitCode = Self.integer(capture["exitCode"])
        command = Self.text(capture["command"])
        cliPath = Self.text(capture["cliPath"])
        if let seconds = Self.number(capture["seconds"]) { durationMs = Self.milliseconds(seconds) }
        if let exitCode { diff = exitCode == 1 }
        stdoutLen = Self.integer(capture["stdoutLen"])
        stderrLen = Self.integer(capture["stderrLen"])
        let folder = (path as NSString).deletingLastPathComponent
        if exists(folder + "/lvcompare-stdout.txt") { stdoutPath = folder + "/lvcompare-stdout.txt" }
        if exists(folder + "/lvcompare-stderr.txt") { stderrPath = folder + "/lvcompare-stderr.txt" }
        let cli = ((capture["environment"] as? [String: Any]) ?? (capture["cli"] != nil ? ["cli": capture["cli"]!] : [:]))["cli"] as? [String: Any]
        reportPath = Self.report(capture, explicit: Self.text(cli?["reportPath"]), folder: folder, exists: exists)
        if let artifacts = cli?["artifacts"] as? [String: Any], let summary = Self.artifactSummary(artifacts) {
            cliArtifacts = summary
        }
    }

    private mutating func readExec(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let exec = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            compareExec.status = "error"
            compareExec.reason = "\(path) is not a JSON object"
            return
        }
        compareExec.status = "ok"
        compareExec.reason = nil
        compareExec.exitCode = Self.integer(exec["exitCode"])
        compareExec.diff = Self.bool(exec["diff"])
        let duration: Double? = exec.keys.contains("durationMs") ? Self.number(exec["durationMs"]) ?? 0
            : exec.keys.contains("duration_s") ? Self.milliseconds(Self.number(exec["duration_s"]) ?? 0) : nil
        base = Self.text(exec["base"])
        head = Self.text(exec["head"])
        if let violations = try? SchemaLite.validate(exec, against: (try? EmbeddedSchemas.load("compare-exec")) ?? [:], strict: true) {
            warnings += violations.map { "\(path): compare-exec/v1: \($0.message)" }
        }
        if source == .capture {
            // The capture wins; the exec file fills in only what it left open.
            if exitCode == nil { exitCode = compareExec.exitCode }
            if diff == nil { diff = compareExec.diff }
            if durationMs == nil { durationMs = duration }
            return
        }
        source = .compareExec
        file = path
        exitCode = compareExec.exitCode
        diff = compareExec.diff
        cliPath = Self.text(exec["cliPath"])
        command = Self.text(exec["command"])
        durationMs = duration
        execFolder = Self.text(exec["cwd"])
    }

    /// The folder relative base and head paths are read against (the exec file's `cwd`).
    private var execFolder: String?

    /// Ours: the status, and the reason when the compare CLI failed.
    private mutating func decide(exists: (String) -> Bool) {
        guard source != .missing else {
            status = .error
            error = [capture.reason, compareExec.reason].compactMap { $0 }.filter { $0 != "no_capture_json" && $0 != "no_exec_json" }
                .joined(separator: "; ")
            return
        }
        guard let code = exitCode, code != 0, code != 1 else {
            status = .ok
            return
        }
        status = .error
        error = "Compare CLI failed with exit code \(code)"
        let folder = execFolder ?? ""
        let resolve = { (path: String) in path.hasPrefix("/") || path.contains(":") ? path : folder + "/" + path }
        if code == 127 || code == 9009 || !(cliPath.map(exists) ?? false) {
            reason = "no_cli"
        } else if [base, head].contains(where: { $0.map { !exists(resolve($0)) } ?? true }) {
            reason = "missing_vi"
        }
    }

    // MARK: - Values as the seed reads them

    private static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !SchemaLite.isBool(number) else { return nil }
        return number.intValue
    }

    private static func number(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !SchemaLite.isBool(number) else { return nil }
        return number.doubleValue
    }

    private static func bool(_ value: Any?) -> Bool? {
        guard let value, !(value is NSNull) else { return nil }
        if SchemaLite.isBool(value) { return value as? Bool }
        if let number = value as? NSNumber { return number.doubleValue != 0 }
        if let text = value as? String { return !text.isEmpty }
        return nil
    }

    private static func text(_ value: Any?) -> String? {
        (value as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Seconds as milliseconds rounded to three decimals, halves to even (the seed's `[math]::Round(s * 1000, 3)`).
    package static func milliseconds(_ seconds: Double) -> Double {
        (seconds * 1000 * 1000).rounded(.toNearestOrEven) / 1000
    }

    /// The report beside a capture, as the seed's `Find-VICompareReportArtifact` looks for it.
    private static func report(_ capture: [String: Any], explicit: String?, folder: String, exists: (String) -> Bool) -> String? {
        func resolved(_ path: String) -> String? {
            let full = ConfigLoader.absolute(path, against: folder)
            return exists(full) && FileKind.of(full) == .regular ? full : nil
        }
        var candidates: [String] = explicit.map { [$0] } ?? []
        for node in ["out", "cli"] {
            for key in ["reportHtml", "reportPath"] {
                if let path = text((capture[node] as? [String: Any])?[key]) { candidates.append(path) }
            }
        }
        if let path = text(capture["reportPath"]) { candidates.append(path) }
        if let found = candidates.compactMap(resolved).first { return found }
        let known = ["compare", "cli-compare", "linux-compare", "windows-compare"].flatMap { stem in
            ["html", "xml", "txt"].map { "\(stem)-report.\($0)" }
        }
        if let found = known.compactMap(resolved).first { return found }
        let pattern = #"^(?:(?:compare|diff|print|cli-compare|linux-compare|windows-compare)-report(?:-.+)?)\.(?:html|xml|txt)$"#
        let matches = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { relative in
            let leaf = (relative as NSString).lastPathComponent
            return leaf.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil && FileKind.of(folder + "/" + relative) == .regular
        }
        return matches.map { folder + "/" + $0 }.min { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// `{reportSizeBytes?, imageCount?, exportDir?, images?}` of the capture's CLI artifacts, or nil.
    private static func artifactSummary(_ artifacts: [String: Any]) -> OrderedJSON? {
        var fields: [(String, OrderedJSON)] = []
        if let size = integer(artifacts["reportSizeBytes"]) { fields.append(("reportSizeBytes", .integer(Int64(size)))) }
        if let count = integer(artifacts["imageCount"]) { fields.append(("imageCount", .integer(Int64(count)))) }
        if let folder = text(artifacts["exportDir"]) { fields.append(("exportDir", .string(folder))) }
        let images = (artifacts["images"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.map { image -> OrderedJSON in
            .object(["index", "mimeType", "byteLength", "savedPath"].map { key in (key, OrderedJSON.from(image[key])) })
        }
        if !images.isEmpty { fields.append(("images", .array(images))) }
        return fields.isEmpty ? nil : .object(fields)
    }

    // MARK: - Writing

    package func json(at date: Date) -> OrderedJSON {
        func text(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }
        func integer(_ value: Int?) -> OrderedJSON { value.map { .integer(Int64($0)) } ?? .null }
        func read(_ file: FileRead) -> OrderedJSON {
            var fields: [(String, OrderedJSON)] = [("status", .string(file.status)), ("reason", text(file.reason)), ("path", text(file.path))]
            if let code = file.exitCode { fields.append(("exitCode", .integer(Int64(code)))) }
            if let diff = file.diff { fields.append(("diff", .bool(diff))) }
            return .object(fields)
        }
        var captureRead = read(capture)
        if let cliArtifacts, case .object(var fields) = captureRead {
            fields.append(("artifacts", cliArtifacts))
            captureRead = .object(fields)
        }
        var fields: [(String, OrderedJSON)] = [
            ("schema", .string(Self.schema)), ("generatedAtUtc", .string(Timestamp.iso8601(date))), ("status", .string(status.rawValue)),
        ]
        if let reason { fields.append(("reason", .string(reason))) }
        fields += [
            ("source", .string(source.rawValue)), ("file", text(file)), ("diff", diff.map(OrderedJSON.bool) ?? .null),
            ("exitCode", integer(exitCode)), ("durationMs", durationMs.map(OrderedJSON.number) ?? .null),
            ("cliPath", text(cliPath)), ("command", text(command)), ("stdoutPath", text(stdoutPath)), ("stdoutLen", integer(stdoutLen)),
            ("stderrPath", text(stderrPath)), ("stderrLen", integer(stderrLen)), ("reportPath", text(reportPath)),
            ("cliArtifacts", cliArtifacts ?? .null), ("captureJson", text(captureJson)), ("capture", captureRead),
            ("compareExec", read(compareExec)), ("base", text(base)), ("head", text(head)),
        ]
        if let error, !error.isEmpty { fields.append(("error", .string(error))) }
        if !warnings.isEmpty { fields.append(("warnings", .array(warnings.map(OrderedJSON.string)))) }
        return .object(fields)
    }

    /// The `### Compare Outcome` block: the seed's lines, then ours (status and reason).
    package var markdown: String {
        var lines = ["### Compare Outcome", ""]
        if source == .missing, captureJson == nil, compareExec.path == nil {
            lines.append("- No compare artifacts found under: \(searchDir.isEmpty ? "the results folder" : MarkdownText.code(searchDir))")
        } else {
            if let file { lines.append("- File: \(MarkdownText.code(file))") }
            if let diff { lines.append("- diff: \(diff ? "True" : "False")") }
            if let exitCode { lines.append("- exitCode: \(exitCode)") }
            if let durationMs { lines.append("- durationMs: \(Seconds.format(durationMs))") }
            if let cliPath { lines.append("- cliPath: \(MarkdownText.code(cliPath))") }
            if let command { lines.append("- command: \(MarkdownText.code(command))") }
            if case .object(let artifacts)? = cliArtifacts {
                func value(_ key: String) -> String? { artifacts.first { $0.0 == key }?.1.text }
                if let size = value("reportSizeBytes") { lines.append("- CLI report size: \(size) bytes") }
                if let count = value("imageCount") {
                    lines.append("- CLI images: \(count)" + (value("exportDir").map { " (export: \(MarkdownText.code($0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))))" } ?? ""))
                }
            }
        }
        if status == .error { lines.append("- status: error — \(MarkdownText.code(error?.isEmpty == false ? error! : "unknown error"))") }
        if let reason { lines.append("- reason: \(reason)") }
        lines += warnings.map { "- warning: \(MarkdownText.code($0))" }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

extension CompareOutcome.Expectation {
    var reason: String {
        switch self {
        case .invokerNotReady: "invoker_not_ready"
        case .skippedByPolicy: "skipped"
        case .expected: "no_exec_json"
        }
    }
}
