/// GitHub Actions workflow commands printed on stdout (`::warning::…`, `::error::…`), with the
/// message escaped as GitHub's toolkit escapes command data (`%`, `\r`, `\n`), so text from a
/// process or a user can neither end the command nor start another.
package enum WorkflowCommand {
    package static func line(_ command: String, _ message: String) -> String {
        "::\(command)::" + message.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
