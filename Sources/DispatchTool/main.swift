// invoker-supervisor-dispatch: the PR comment dispatcher, run as `invoker-supervisor dispatch …`.
// A separate program so that the supervisor itself does not load the HTTP stack (libcurl) it never uses.
import CommentDispatch
import Foundation
import SafeText

/// The dispatcher's command line: `event`, `poll --repo OWNER/NAME`, `links` (docs/dispatch.md).
enum DispatchTool {
    static let valueOptions = ["--config", "--token-env", "--repo", "--state", "--run-id", "--summary"]

    static func main() -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try execute(Array(CommandLine.arguments.dropFirst()), environment: environment)
        } catch {
            FileHandle.standardError.write(Data("Error: \(LogText.escaped("\(error)"))\n".utf8))
            return 64
        }
    }

    static func parse(_ arguments: [String]) throws -> [String: String] {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard valueOptions.contains(name) else {
                throw DispatchError.usage("unknown option '\(name)' for 'dispatch'; see 'invoker-supervisor --help'")
            }
            guard index + 1 < arguments.count else { throw DispatchError.usage("\(name) needs a value") }
            values[name] = arguments[index + 1]
            index += 2
        }
        return values
    }

    static func execute(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        guard let action = arguments.first, ["event", "poll", "links"].contains(action) else {
            throw DispatchError.usage("dispatch needs 'event', 'poll' or 'links' (got '\(arguments.first ?? "")')")
        }
        let values = try parse(Array(arguments.dropFirst()))
        let config = try values["--config"].map(DispatchConfig.load(path:)) ?? DispatchConfig()
        let tokenName = values["--token-env"] ?? "GITHUB_TOKEN"
        guard let token = environment[tokenName], !token.isEmpty else {
            throw DispatchError.usage("no token in $\(tokenName); pass the workflow's token in that variable (or name another with --token-env)")
        }
        var api = GitHubAPI(baseURL: try GitHubAPI.checkedBaseURL(environment["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com"),
                            token: token)
        // One-shot actions wait out rate limits for as long as handling one comment may take, counted from here.
        let pickedUp = Date()
        if action != "poll" { api.deadline = pickedUp.addingTimeInterval(config.deadlineSeconds) }
        let serverURL = environment["GITHUB_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com"
        switch action {
        case "poll": return try poll(values, config: config, api: api, serverURL: serverURL)
        case "links": return try links(values, api: api, serverURL: serverURL, environment: environment)
        default: return try event(config: config, api: api, serverURL: serverURL, pickedUp: pickedUp, environment: environment)
        }
    }

    private static func event(config: DispatchConfig, api: GitHubAPI, serverURL: String, pickedUp: Date, environment: [String: String]) throws -> Int32 {
        guard let path = environment["GITHUB_EVENT_PATH"], let data = FileManager.default.contents(atPath: path),
              let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DispatchError.usage("cannot read the event payload at $GITHUB_EVENT_PATH; run 'dispatch event' in an issue_comment workflow")
        }
        guard let comment = try CommentSource.comment(fromPayload: payload) else {
            say("dispatch: not a pull request comment; nothing to do")
            return 0
        }
        let handler = CommentHandler(config: config, api: api, serverURL: serverURL)
        guard let outcome = handler.handle(comment, head: { () throws(Unreadable) in
            try PullRequestHead.fetch(repository: comment.repository, number: comment.pullRequest, api: api)
        }, pickedUp: pickedUp) else {
            say("dispatch: comment \(comment.commentID) is not a /run command; nothing to do")
            return 0
        }
        report(outcome)
        return 0
    }

    /// Polls every `pollIntervalSeconds` until the process is stopped; the state file is saved after
    /// every comment, so a stop at any moment loses and repeats nothing.
    private static func poll(_ values: [String: String], config: DispatchConfig, api: GitHubAPI, serverURL: String) throws -> Int32 {
        guard let repository = values["--repo"], repository.split(separator: "/").count == 2 else {
            throw DispatchError.usage("'dispatch poll' needs --repo OWNER/NAME")
        }
        let state = values["--state"] ?? "dispatch-state-\(repository.replacingOccurrences(of: "/", with: "_")).json"
        let poller = CommentPoller(repository: repository, api: api, handler: CommentHandler(config: config, api: api, serverURL: serverURL),
                                   statePath: state)
        say("dispatch poll: \(repository) every \(config.pollIntervalSeconds) s, state in \(state)")
        while true {
            var pause = config.pollIntervalSeconds
            do {
                try poller.pollOnce().forEach(report)
            } catch {
                FileHandle.standardError.write(Data("dispatch poll: \(LogText.escaped("\(error)"))\n".utf8))
                // Still rate limited after the poll's own waits: poll again only when GitHub says it may.
                if let failure = error as? Unreadable, failure.response.isRateLimited {
                    pause = max(pause, RateLimit.wait(headers: failure.response.headers, attempt: 1, now: Date()))
                }
            }
            Thread.sleep(forTimeInterval: pause)
        }
    }

    /// Appends the `### Run Links` block of a run (default: this one) to the summary.
    private static func links(_ values: [String: String], api: GitHubAPI, serverURL: String, environment: [String: String]) throws -> Int32 {
        guard let repository = values["--repo"] ?? environment["GITHUB_REPOSITORY"], let run = values["--run-id"] ?? environment["GITHUB_RUN_ID"] else {
            throw DispatchError.usage("'dispatch links' needs --repo and --run-id (or GITHUB_REPOSITORY and GITHUB_RUN_ID)")
        }
        let block = try RunLinks.markdown(repository: repository, runID: run, api: api, serverURL: serverURL)
        if let summary = values["--summary"] ?? environment["GITHUB_STEP_SUMMARY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let handle = FileHandle(forWritingAtPath: summary) ?? (FileManager.default.createFile(atPath: summary, contents: nil)
                ? FileHandle(forWritingAtPath: summary) : nil) else {
                throw DispatchError.usage("cannot write the step summary file \(summary)")
            }
            _ = try? handle.seekToEnd()
            try handle.write(contentsOf: Data(block.utf8))
            try handle.close()
        } else {
            say(String(block.dropLast()))
        }
        return 0
    }

    private static func report(_ outcome: CommentHandler.Outcome) {
        say("dispatch: \(outcome.code)" + (outcome.runURL.map { " \($0)" } ?? "") + (outcome.replyID.map { " (reply \($0))" } ?? ""))
    }

    /// One line on stdout; what it names (a repository, a run URL from GitHub) stays on it.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((LogText.escaped(line) + "\n").utf8))
    }
}

exit(DispatchTool.main())
