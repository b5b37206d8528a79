import SafeText

/// The texts of the dispatcher's PR replies. Each ends with the `/run orchestrated …` line that
/// repeats its inputs, and carries a hidden `DispatchRecord`. Text from the comment, its branch or
/// GitHub is inert inline code (`MarkdownText`).
public enum Reply {
    /// The acknowledgement, posted before dispatching.
    public static func ack(_ comment: PullRequestComment, inputs: DispatchInputs, notes: [String], monitor: String,
                           record: DispatchRecord) -> String {
        var lines = [
            "**Orchestrated run requested** by @\(comment.author) on #\(comment.pullRequest) ([comment](\(comment.commentURL)))",
            "",
            "- ref: \(MarkdownText.code(inputs.ref ?? comment.headRef))",
            "- strategy: `\(inputs.strategy.rawValue)`",
            "- include_integration: `\(inputs.includeIntegration)`",
            "- sample_id: \(MarkdownText.code(inputs.sampleID ?? ""))",
            "- filters: \(MarkdownText.code("strategy=\(inputs.strategy.rawValue) include_integration=\(inputs.includeIntegration) sample_id=\(inputs.sampleID ?? "") ref=\(inputs.ref ?? comment.headRef)"))",
        ]
        lines += notes.map { "- \($0)" }
        lines += ["- monitor: \(monitor)", ""]
        return (lines + [footer(inputs), record.hidden]).joined(separator: "\n")
    }

    /// GitHub refuses comment bodies longer than this many characters.
    public static let maximumLength = 65_536
    /// The most of one echoed text (a detail, a message from GitHub) a reply carries.
    static let echoLimit = 2_000

    /// A refusal or report with a concrete reason (`unauthorized`, `malformed`, `disabled`, `fork`, `duplicate`, …).
    public static func reason(_ code: String, _ detail: String, inputs: DispatchInputs?, record: DispatchRecord) -> String {
        var lines = ["**Not dispatched: `\(code)`** — \(clip(detail))", ""]
        if code == "malformed" { lines += ["Usage: `\(RunRequest.usage)`", ""] }
        return (lines + [footer(inputs ?? DispatchInputs()), record.hidden]).joined(separator: "\n")
    }

    /// A plain report (for `/run status`).
    public static func report(_ text: String, inputs: DispatchInputs?, record: DispatchRecord) -> String {
        [text, "", footer(inputs ?? DispatchInputs()), record.hidden].joined(separator: "\n")
    }

    /// `text` cut to `limit` characters, marked when cut, so echoed text keeps a reply under GitHub's limit.
    static func clip(_ text: String, _ limit: Int = echoLimit) -> String {
        text.count <= limit ? text : text.prefix(limit) + " … (\(text.count - limit) more characters not shown)"
    }

    private static func footer(_ inputs: DispatchInputs) -> String {
        "Re-run with the same inputs: \(MarkdownText.code(inputs.commandLine))"
    }
}
