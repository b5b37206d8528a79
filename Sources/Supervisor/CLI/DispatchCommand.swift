import CommentDispatch
import Foundation

/// `invoker-supervisor dispatch event`: handles the `/run` comment of an `issue_comment` workflow
/// run — acknowledge, dispatch the orchestrated workflow, link the run (docs/dispatch.md).
enum DispatchCommand {
    static let parser = OptionParser(subcommand: "dispatch", valueOptions: ["--config": "dispatch.json", "--token-env": "GITHUB_TOKEN"])

    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard arguments.first == "event" else {
            throw UsageError.badValue(option: "dispatch", value: arguments.first ?? "", expected: "'event'")
        }
        let values = try parser.parse(Array(arguments.dropFirst()))
        let config = try values["--config"].map(DispatchConfig.load(path:)) ?? DispatchConfig()
        let tokenName = values["--token-env"] ?? "GITHUB_TOKEN"
        guard let token = environment[tokenName], !token.isEmpty else {
            throw DispatchError.usage("no token in $\(tokenName); pass the workflow's token in that variable (or name another with --token-env)")
        }
        guard let path = environment["GITHUB_EVENT_PATH"], let data = FileManager.default.contents(atPath: path),
              let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DispatchError.usage("cannot read the event payload at $GITHUB_EVENT_PATH; run 'dispatch event' in an issue_comment workflow")
        }
        let api = GitHubAPI(baseURL: environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com", token: token)
        guard let comment = try CommentSource.comment(fromPayload: payload, api: api) else {
            Console.out("dispatch: not a pull request comment; nothing to do")
            return ExitCode.success
        }
        let handler = CommentHandler(config: config, api: api,
                                     serverURL: environment["GITHUB_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com")
        guard let outcome = handler.handle(comment) else {
            Console.out("dispatch: comment \(comment.commentID) is not a /run command; nothing to do")
            return ExitCode.success
        }
        Console.out("dispatch: \(outcome.code)" + (outcome.runURL.map { " \($0)" } ?? "") + (outcome.replyID.map { " (reply \($0))" } ?? ""))
        return ExitCode.success
    }
}
