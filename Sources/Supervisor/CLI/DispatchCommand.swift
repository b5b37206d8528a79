import CommentDispatch
import Foundation

/// `invoker-supervisor dispatch event|poll|links`: PR comment dispatch (docs/dispatch.md).
enum DispatchCommand {
    static let parser = OptionParser(subcommand: "dispatch", valueOptions: [
        "--config": "dispatch.json", "--token-env": "GITHUB_TOKEN", "--repo": "owner/name", "--state": "dispatch-state.json",
        "--run-id": "19638765432", "--summary": "summary.md",
    ])

    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let action = arguments.first, ["event", "poll", "links"].contains(action) else {
            throw UsageError.badValue(option: "dispatch", value: arguments.first ?? "", expected: "'event', 'poll' or 'links'")
        }
        let values = try parser.parse(Array(arguments.dropFirst()))
        let config = try values["--config"].map(DispatchConfig.load(path:)) ?? DispatchConfig()
        let tokenName = values["--token-env"] ?? "GITHUB_TOKEN"
        guard let token = environment[tokenName], !token.isEmpty else {
            throw DispatchError.usage("no token in $\(tokenName); pass the workflow's token in that variable (or name another with --token-env)")
        }
        let api = GitHubAPI(baseURL: environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com", token: token)
        let serverURL = environment["GITHUB_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com"
        switch action {
        case "poll": return try poll(values, config: config, api: api, serverURL: serverURL)
        case "links": return try links(values, api: api, serverURL: serverURL, environment: environment)
        default: return try event(config: config, api: api, serverURL: serverURL, environment: environment)
        }
    }

    private static func event(config: DispatchConfig, api: GitHubAPI, serverURL: String, environment: [String: String]) throws -> Int32 {
        guard let path = environment["GITHUB_EVENT_PATH"], let data = FileManager.default.contents(atPath: path),
              let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DispatchError.usage("cannot read the event payload at $GITHUB_EVENT_PATH; run 'dispatch event' in an issue_comment workflow")
        }
        guard let comment = try CommentSource.comment(fromPayload: payload, api: api) else {
            Console.out("dispatch: not a pull request comment; nothing to do")
            return ExitCode.success
        }
        let handler = CommentHandler(config: config, api: api, serverURL: serverURL)
        guard let outcome = handler.handle(comment) else {
            Console.out("dispatch: comment \(comment.commentID) is not a /run command; nothing to do")
            return ExitCode.success
        }
        report(outcome)
        return ExitCode.success
    }

    /// Polls until SIGINT/SIGTERM, every `pollIntervalSeconds`.
    private static func poll(_ values: [String: String], config: DispatchConfig, api: GitHubAPI, serverURL: String) throws -> Int32 {
        guard let repository = values["--repo"], repository.split(separator: "/").count == 2 else {
            throw UsageError.missingOption(option: "--repo OWNER/NAME", subcommand: "dispatch poll")
        }
        let state = values["--state"] ?? "dispatch-state-\(EscalationStore.fileName(repository)).json"
        let poller = CommentPoller(repository: repository, api: api, handler: CommentHandler(config: config, api: api, serverURL: serverURL),
                                   statePath: state)
        let stop = ExitLatch()
        CancelSignals.install { signal in stop.set(.exited(code: signal.exitCode)) }
        Console.out("dispatch poll: \(repository) every \(Seconds.format(config.pollIntervalSeconds)) s, state in \(state)")
        while stop.value == nil {
            do {
                try poller.pollOnce().forEach(report)
            } catch {
                Console.err("dispatch poll: \(error)")
            }
            _ = stop.wait(timeout: config.pollIntervalSeconds)
        }
        Console.out("dispatch poll: stopped")
        return ExitCode.success
    }

    /// Appends the `### Run Links` block of a run (default: this one) to the summary.
    private static func links(_ values: [String: String], api: GitHubAPI, serverURL: String, environment: [String: String]) throws -> Int32 {
        guard let repository = values["--repo"] ?? environment["GITHUB_REPOSITORY"], let run = values["--run-id"] ?? environment["GITHUB_RUN_ID"] else {
            throw UsageError.missingOption(option: "--repo and --run-id (or GITHUB_REPOSITORY and GITHUB_RUN_ID)", subcommand: "dispatch links")
        }
        let block = try RunLinks.markdown(repository: repository, runID: run, api: api, serverURL: serverURL)
        if let summary = OutputDestinations.summary(values, environment) {
            OutputDestinations.appendSummary(block, to: summary)
        } else {
            Console.out(String(block.dropLast()))
        }
        return ExitCode.success
    }

    private static func report(_ outcome: CommentHandler.Outcome) {
        Console.out("dispatch: \(outcome.code)" + (outcome.runURL.map { " \($0)" } ?? "") + (outcome.replyID.map { " (reply \($0))" } ?? ""))
    }
}
