import SafeText

/// A `/run` command read from the first line of a pull request comment.
public enum RunRequest: Equatable, Sendable {
    /// `/run orchestrated [strategy=single|matrix] [include_integration=true|false] [sample_id=ID] [ref=REF]`.
    case orchestrated(DispatchInputs)
    /// `/run status`: reply with the most recent run for this PR.
    case status
    /// `/run rerun`: dispatch again with the inputs of this PR's last dispatch.
    case rerun
    /// A `/run` line that is not one of the above; the text says what was wrong.
    case malformed(String)

    /// The usage line every malformed reply repeats.
    public static let usage = "/run orchestrated [strategy=single|matrix] [include_integration=true|false] [sample_id=ID] [ref=REF] | /run status | /run rerun"

    /// The request in `body`, or nil when its first line is not a `/run` command.
    public static func parse(_ body: String) -> RunRequest? {
        let firstLine = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let words = firstLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.first == "/run" else { return nil }
        guard words.count >= 2 else { return .malformed("no subcommand after /run") }
        switch words[1] {
        case "status", "rerun":
            guard words.count == 2 else { return .malformed("'/run \(words[1])' takes no arguments") }
            return words[1] == "status" ? .status : .rerun
        case "orchestrated":
            var inputs = DispatchInputs()
            var seen: Set<String> = []
            for word in words.dropFirst(2) {
                guard let equals = word.firstIndex(of: "=") else { return .malformed("\(MarkdownText.code(Reply.clip(word, 80))) is not key=value") }
                let key = String(word[..<equals])
                let value = String(word[word.index(after: equals)...])
                guard seen.insert(key).inserted else { return .malformed("\(MarkdownText.code(Reply.clip(key, 80))) is given twice") }
                switch key {
                case "strategy":
                    guard let strategy = DispatchInputs.Strategy(rawValue: value) else { return .malformed("strategy must be single or matrix, not \(MarkdownText.code(Reply.clip(value, 80)))") }
                    inputs.strategy = strategy
                case "include_integration":
                    guard value == "true" || value == "false" else { return .malformed("include_integration must be true or false, not \(MarkdownText.code(Reply.clip(value, 80)))") }
                    inputs.includeIntegration = value == "true"
                case "sample_id":
                    guard DispatchInputs.isValidSampleID(value) else {
                        return .malformed("sample_id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                    }
                    inputs.sampleID = value
                case "ref":
                    guard !DispatchInputs.isCommitSHA(value) else {
                        return .malformed("ref \(MarkdownText.code(value)) is a commit SHA, and workflow_dispatch runs only a branch or tag; write ref=BRANCH or ref=TAG (leave it out for the PR's head branch)")
                    }
                    guard DispatchInputs.isValidRef(value) else { return .malformed("ref \(MarkdownText.code(Reply.clip(value, 80))) is not a plain branch or tag name") }
                    inputs.ref = value
                default:
                    return .malformed("unknown key \(MarkdownText.code(Reply.clip(key, 80)))")
                }
            }
            return .orchestrated(inputs)
        default:
            return .malformed("unknown subcommand \(MarkdownText.code(Reply.clip(words[1], 80)))")
        }
    }
}

/// The inputs of an orchestrated run, as echoed back and passed to the workflow.
public struct DispatchInputs: Codable, Equatable, Sendable {
    public enum Strategy: String, Codable, Sendable {
        case single
        case matrix
    }

    public var strategy: Strategy = .single
    public var includeIntegration = false
    /// Generated when the comment gives none (`SampleID.make`).
    public var sampleID: String?
    /// The branch or tag to run; the PR's head branch when the comment gives none (its base branch for a fork).
    public var ref: String?

    public init(strategy: Strategy = .single, includeIntegration: Bool = false, sampleID: String? = nil, ref: String? = nil) {
        self.strategy = strategy
        self.includeIntegration = includeIntegration
        self.sampleID = sampleID
        self.ref = ref
    }

    /// The `/run orchestrated …` line that repeats these inputs.
    public var commandLine: String {
        "/run orchestrated strategy=\(strategy.rawValue) include_integration=\(includeIntegration)"
            + (sampleID.map { " sample_id=\($0)" } ?? "") + (ref.map { " ref=\($0)" } ?? "")
    }

    static func isValidSampleID(_ text: String) -> Bool {
        guard (1...64).contains(text.count), let first = text.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// A full 40-hex commit SHA, which workflow_dispatch refuses as a ref.
    static func isCommitSHA(_ text: String) -> Bool {
        text.count == 40 && text.allSatisfy(\.isHexDigit)
    }

    static func isValidRef(_ text: String) -> Bool {
        guard (1...200).contains(text.count), let first = text.first, first.isASCII, first.isLetter || first.isNumber,
              !text.contains(".."), !text.hasSuffix("/"), !text.hasSuffix(".lock") else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
    }
}
