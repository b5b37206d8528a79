import Foundation
import SupervisorPlatform
import SafeText

/// `run-provenance/v1`: who or what started the run and with which inputs, from the `GITHUB_*`
/// variables, the event payload and the `EV_*` origin variables (docs/provenance.md).
package struct Provenance {
    /// The event payload at `GITHUB_EVENT_PATH`, or why it could not be used.
    package enum Payload {
        case loaded([String: Any])
        case unavailable(String)

        package static func load(_ environment: [String: String]) -> Payload {
            guard let path = environment["GITHUB_EVENT_PATH"], !path.isEmpty else { return .unavailable("GITHUB_EVENT_PATH is not set") }
            guard let data = FileManager.default.contents(atPath: path) else { return .unavailable("cannot read \(MarkdownText.code(path))") }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .unavailable("\(MarkdownText.code(path)) is not a JSON object")
            }
            return .loaded(object)
        }
    }

    package static let schema = "run-provenance/v1"
    package static let schemaVersion = "1.0.0"
    /// Origin keys, in order, each from `EV_<KEY>` or the workflow_dispatch input of the same name.
    package static let originKeys = ["origin_kind", "origin_pr", "origin_comment_id", "origin_comment_url", "origin_author",
                             "sample_id", "include_integration", "strategy"]

    /// The fields in the documented order.
    package let fields: [(String, OrderedJSON)]
    /// Why fields from the event payload are missing, if they are.
    package let note: String?

    package init(environment: [String: String], payload: Payload, now: Date, machine: String = Provenance.hostName()) {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var event: [String: Any] = [:]
        var note: String?
        switch payload {
        case .loaded(let object): event = object
        case .unavailable(let reason): note = "event payload unavailable (\(reason)); prNumber and workflow_dispatch inputs are omitted"
        }
        let pullRequest = event["pull_request"] as? [String: Any]
        let refName = Self.refName(refName: env("GITHUB_REF_NAME"), ref: env("GITHUB_REF"))
        var headRef = env("GITHUB_HEAD_REF").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? refName
        var baseRef = env("GITHUB_BASE_REF") ?? ""
        if let head = ((pullRequest?["head"] as? [String: Any])?["ref"] as? String), !head.isEmpty { headRef = head }
        if let base = ((pullRequest?["base"] as? [String: Any])?["ref"] as? String), !base.isEmpty { baseRef = base }

        // The seed's fields with the seed's meaning: `branch` is `refName`, `headSha` is GITHUB_SHA
        // (the commit actions/checkout checks out: the merge commit for a PR).
        var fields: [(String, OrderedJSON)] = [
            ("schema", .string(Self.schema)), ("schemaVersion", .string(Self.schemaVersion)),
            ("generatedAtUtc", .string(Timestamp.iso8601(now))),
            ("repository", .string(env("GITHUB_REPOSITORY") ?? "")), ("workflow", .string(env("GITHUB_WORKFLOW") ?? "")),
            ("eventName", .string(env("GITHUB_EVENT_NAME") ?? "")), ("runId", .string(env("GITHUB_RUN_ID") ?? "")),
            ("runAttempt", .string(env("GITHUB_RUN_ATTEMPT") ?? "")), ("ref", .string(env("GITHUB_REF") ?? "")),
            ("refName", .string(refName)), ("branch", .string(refName)),
            ("headRef", .string(headRef)), ("baseRef", .string(baseRef)), ("headSha", .string(env("GITHUB_SHA") ?? "")),
            ("runner", Self.runner(environment, machine: machine)),
        ]
        // Ours, under their own names: the PR's own head commit (not the merge commit).
        if let prHead = ((pullRequest?["head"] as? [String: Any])?["sha"] as? String), !prHead.isEmpty {
            fields.append(("prHeadSha", .string(prHead)))
        }
        if let number = Self.pullRequestNumber(event) { fields.append(("prNumber", .integer(Int64(number)))) }
        let inputs = event["inputs"] as? [String: Any] ?? [:]
        for key in Self.originKeys {
            if let value = env("EV_" + key.uppercased()) ?? inputs[key].flatMap(Self.inputText) {
                fields.append((key, .string(value)))
            }
        }
        self.fields = fields
        self.note = note
    }

    /// `GITHUB_REF_NAME`, else the branch of a `refs/heads/…` `GITHUB_REF`, else "" (the seed's rule).
    package static func refName(refName: String?, ref: String?) -> String {
        if let refName { return refName }
        guard let ref, let range = ref.range(of: "refs/heads/", options: .caseInsensitive), range.upperBound < ref.endIndex else { return "" }
        return String(ref[range.upperBound...])
    }

    /// The seed's `runner` object: `name`, `os`, `arch`, `job`, `machine`, `trackingId`, `imageOS`,
    /// `imageVersion` (null when unset), then `environment` and `labels` only when known. Labels come
    /// from `RUNNER_LABELS`, split on commas and white space, each once.
    package static func runner(_ environment: [String: String], machine: String = hostName()) -> OrderedJSON {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        }
        func text(_ name: String) -> OrderedJSON { value(name).map(OrderedJSON.string) ?? .null }
        var fields: [(String, OrderedJSON)] = [
            ("name", text("RUNNER_NAME")), ("os", text("RUNNER_OS")), ("arch", text("RUNNER_ARCH")), ("job", text("GITHUB_JOB")),
            ("machine", .string(machine)), ("trackingId", text("RUNNER_TRACKING_ID")),
            ("imageOS", text("ImageOS")), ("imageVersion", text("ImageVersion")),
        ]
        if let runnerEnvironment = value("RUNNER_ENVIRONMENT") { fields.append(("environment", .string(runnerEnvironment))) }
        var labels: [String] = []
        for label in (environment["RUNNER_LABELS"] ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            where !labels.contains(label) {
            labels.append(label)
        }
        if !labels.isEmpty { fields.append(("labels", .array(labels.map(OrderedJSON.string)))) }
        return .object(fields)
    }

    /// This machine's name, up to the first dot (as .NET's MachineName gives it).
    package static func hostName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    /// The PR number of a pull_request event, or of an issue_comment on a pull request.
    package static func pullRequestNumber(_ event: [String: Any]) -> Int? {
        if let pullRequest = event["pull_request"] as? [String: Any] {
            return (pullRequest["number"] as? NSNumber)?.intValue ?? (event["number"] as? NSNumber)?.intValue
        }
        if let issue = event["issue"] as? [String: Any], issue["pull_request"] != nil {
            return (issue["number"] as? NSNumber)?.intValue
        }
        return nil
    }

    /// A workflow_dispatch input as text (inputs of type boolean arrive as JSON booleans).
    private static func inputText(_ value: Any) -> String? {
        if SchemaLite.isBool(value) { return (value as? Bool) == true ? "true" : "false" }
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// A field's value as text (empty when absent).
    package func value(_ key: String) -> String? {
        guard let value = fields.first(where: { $0.0 == key })?.1 else { return nil }
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .object(let members):
            // `runner`: `name=… os=… labels=a,b` of the known members.
            return members.compactMap { member -> String? in
                switch member.1 {
                case .string(let text): return "\(member.0)=\(text)"
                case .array(let items): return "\(member.0)=" + items.compactMap { if case .string(let t) = $0 { t } else { nil } }.joined(separator: ",")
                default: return nil
                }
            }.joined(separator: " ")
        default: return value.text
        }
    }

    package var json: OrderedJSON { .object(fields) }

    /// The `### Run Provenance` block: `- key: value` per field, each value inert as inline code
    /// (`MarkdownText`), then the note.
    package var markdown: String {
        var lines = ["### Run Provenance", ""]
        lines += fields.map { field in
            let text = value(field.0) ?? ""
            return "- \(field.0):" + (text.isEmpty ? "" : " \(MarkdownText.code(text))")
        }
        if let note { lines.append("- note: \(note)") }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
