/// Text from a payload, a comment, a branch name, a config or a process made inert in Markdown (the
/// step summary, PR comment replies): one inline code span, in which Markdown starts no block, link,
/// image, mention, reference or HTML, with its control characters escaped (`LogText`) so it stays
/// on its line. Not for table cells, where `|` still splits.
package enum MarkdownText {
    /// `text` as an inline code span: fenced by one backtick more than its longest run of backticks,
    /// with a space inside each fence when it begins or ends with a backtick or a space (CommonMark
    /// takes one away), and ` ` (a span holding one space) for the empty text.
    package static func code(_ text: String) -> String {
        let escaped = LogText.escaped(text)
        guard !escaped.isEmpty else { return "` `" }
        var longest = 0
        var run = 0
        for scalar in escaped.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let edges = [escaped.unicodeScalars.first!, escaped.unicodeScalars.last!]
        let allSpaces = escaped.unicodeScalars.allSatisfy { $0 == " " }
        let pad = !allSpaces && edges.contains { $0 == "`" || $0 == " " } ? " " : ""
        return fence + pad + escaped + pad + fence
    }
}
