#if os(Linux)
import Foundation
import Glibc

/// A fake GitHub REST server on 127.0.0.1 for the dispatcher's tests: answers the endpoints the
/// dispatcher uses with GitHub's response shapes, records every request, and can be told to fail.
final class FakeGitHub: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var body: [String: Any]?
        var raw: String
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var comments: [[String: Any]] = []
    /// Comments people wrote, as the repository-wide comment listing returns them.
    private var incoming: [[String: Any]] = []
    private var runs: [[String: Any]] = []
    private var nextID = 5_000_000
    /// Answers to give instead, in order, keyed by "METHOD path-suffix": a status and extra headers.
    private var failures: [String: [(status: Int, headers: [String: String])]] = [:]

    /// The permission endpoint's legacy `permission` and assigned `role_name` (nil: same as permission).
    var permission = "write"
    var roleName: String?
    /// The PR as `GET /pulls/42` answers it; `headRepository` nil is a deleted fork (`head.repo: null`).
    var headRepository: String? = "o/r"
    /// Seconds after its creation before a run shows in listings (GitHub lists new runs late).
    var runListingDelay = 0.0
    /// Jobs the run-jobs listing has.
    var jobCount = 2
    /// The `message` of injected failures.
    var failureMessage: String?
    /// Posted just before the next PR comment, as a second handler racing this one would.
    var rivalReplyBeforeNextPost: String?
    /// How the dispatch endpoint answers when it does not fail: 200 with run details, or 204.
    var dispatchStatus = 200
    /// Whether a dispatch creates a run (a failed one may still have, as GitHub's 5xx sometimes do).
    var createRunOnFailure = false

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { close(listener) }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    var postedComments: [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return comments
    }

    /// A person's comment on PR #42.
    func addUserComment(_ body: String, id: Int, author: String = "maintainer", association: String = "MEMBER") {
        lock.lock()
        incoming.append(["id": id, "body": body, "html_url": "https://github.com/o/r/pull/42#issuecomment-\(id)",
                         "issue_url": "https://api.github.com/repos/o/r/issues/42", "user": ["login": author],
                         "author_association": association, "created_at": "2026-11-26T11:\(10 + incoming.count % 50):00Z"])
        lock.unlock()
    }

    /// Adds a run of the workflow that is queued or in progress.
    func addActiveRun(branch: String, title: String, status: String = "in_progress") {
        lock.lock()
        let id = 19_500_000_000 + runs.count
        runs.insert(["id": id, "html_url": "https://github.com/o/r/actions/runs/\(id)", "head_branch": branch,
                     "event": "workflow_dispatch", "status": status, "display_title": title], at: 0)
        lock.unlock()
    }

    /// Who the dispatcher's replies are by, as GitHub shows the workflow token's comments.
    static var bot: [String: Any] { ["login": "github-actions[bot]", "type": "Bot"] }

    /// In a `fail` list: answer this one request as usual.
    static let passThrough = -1

    /// The next answers of `key` ("POST /dispatches", "GET /permission", …) are these statuses, with
    /// these headers; 0 means no answer for 3.5 s (a timeout), a 3xx a redirect to the `Location` header.
    func fail(_ key: String, with statuses: [Int], headers: [String: String] = [:]) {
        lock.lock()
        failures[key, default: []] += statuses.map { ($0, headers) }
        lock.unlock()
    }

    /// Comments on PR #42 by a person (`association` NONE: no write access), oldest first.
    func addPullRequestComments(_ count: Int, body: String = "LGTM", association: String = "NONE") {
        lock.lock()
        for _ in 0..<count {
            nextID += 1
            comments.append(["id": nextID, "body": body, "html_url": "https://github.com/o/r/pull/42#issuecomment-\(nextID)",
                             "user": ["login": "someone", "type": "User"], "author_association": association])
        }
        lock.unlock()
    }

    // MARK: - Serving

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            data += buffer[0..<count]
            let text = String(decoding: data, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let head = String(text[..<end.lowerBound])
            let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            let bodyStart = text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound.samePosition(in: text.utf8)!)
            guard data.count - bodyStart >= length else { continue }
            let reply = respond(to: parse(head: head, body: Array(data[bodyStart..<(bodyStart + length)]), raw: text))
            _ = reply.withCString { write(client, $0, strlen($0)) }
            return
        }
    }

    private func parse(head: String, body: [UInt8], raw: String) -> Request {
        let lines = head.split(separator: "\r\n").map(String.init)
        let parts = lines[0].split(separator: " ")
        let target = URLComponents(string: String(parts[1]))
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Request(method: String(parts[0]), path: target?.path ?? "", query: Dictionary((target?.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { a, _ in a },
                       headers: headers, body: (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], raw: raw)
    }

    private func respond(to request: Request) -> String {
        lock.lock()
        recorded.append(request)
        let key = failures.keys.first { request.path.hasSuffix($0.split(separator: " ")[1]) && request.method == $0.split(separator: " ")[0] }
        var injected: Int?
        var extra = ""
        if let key, var statuses = failures[key], !statuses.isEmpty {
            let answer = statuses.removeFirst()
            injected = answer.status == Self.passThrough ? nil : answer.status
            extra = answer.headers.map { "\($0.key): \($0.value)\r\n" }.joined()
            failures[key] = statuses
        }
        if injected == 0 {
            lock.unlock()
            Thread.sleep(forTimeInterval: 3.5)
            return "HTTP/1.1 504 X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        }
        if let injected, (300..<400).contains(injected) {
            lock.unlock()
            return "HTTP/1.1 \(injected) X\r\n\(extra)Content-Length: 0\r\nConnection: close\r\n\r\n"
        }
        var (status, json) = route(request, injected: injected)
        if request.method == "GET", injected == nil, let page = paginate(json, request) {
            json = page.json
            extra += page.link.map { "Link: \($0)\r\n" } ?? ""
        }
        if request.method == "GET", request.path == "/repos/o/r/issues/comments", injected == nil {
            let etag = "\"c\(incoming.count)-\(comments.count)\""
            extra += "ETag: \(etag)\r\n"
            if request.headers["if-none-match"] == etag { (status, json) = (304, nil) }
        }
        lock.unlock()
        let body = json.flatMap { try? JSONSerialization.data(withJSONObject: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\n\(extra)Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    /// Answers like GitHub's REST API (called with the lock held).
    private func route(_ request: Request, injected: Int?) -> (Int, Any?) {
        let path = request.path
        if path.hasSuffix("/dispatches") {
            let inputs = (request.body?["inputs"] as? [String: Any]) ?? [:]
            if let injected {
                if createRunOnFailure { addRun(for: inputs, branch: request.body?["ref"] as? String ?? "") }
                return (injected, ["message": injected >= 500 ? "Server Error" : "Unprocessable Entity"])
            }
            let run = addRun(for: inputs, branch: request.body?["ref"] as? String ?? "")
            return dispatchStatus == 204 ? (204, nil) : (200, ["workflow_run_id": run["id"]!, "run_url": "https://api.example/runs/\(run["id"]!)", "html_url": run["html_url"]!])
        }
        if let injected { return (injected, ["message": failureMessage ?? "injected \(injected)"]) }
        if path.hasSuffix("/permission") { return (200, ["permission": permission, "role_name": roleName ?? permission]) }
        if path.hasSuffix("/reactions") { return (201, ["id": 1, "content": "eyes"]) }
        if path.hasSuffix("/cancel") { return (202, [:] as [String: Any]) }
        if path.hasSuffix("/runs") {
            let now = Date().timeIntervalSince1970
            let listed = runs.filter { run in
                (run["created"] as? Double ?? 0) + runListingDelay <= now && request.query["status"].map { $0 == run["status"] as? String } ?? true
            }.map { $0.filter { $0.key != "created" } }
            return (200, ["total_count": listed.count, "workflow_runs": listed])
        }
        if path.hasSuffix("/jobs") {
            let jobs = (0..<jobCount).map { ["id": 5511 + $0, "name": ["normalize", "windows-single"].indices.contains($0) ? ["normalize", "windows-single"][$0] : "job-\($0)"] as [String: Any] }
            return (200, ["total_count": jobCount, "jobs": jobs])
        }
        if path.contains("/pulls/") {
            let repo: Any = headRepository.map { ["full_name": $0] } ?? NSNull()
            return (200, ["number": 42, "head": ["ref": "feature/x", "sha": String(repeating: "ab", count: 20), "repo": repo], "base": ["ref": "develop"]])
        }
        if path.contains("/issues/comments/"), request.method == "PATCH" {
            let id = Int(path.split(separator: "/").last!) ?? 0
            if let index = comments.firstIndex(where: { ($0["id"] as? Int) == id }) { comments[index]["body"] = request.body?["body"] }
            return (200, comments.first { ($0["id"] as? Int) == id } ?? [:])
        }
        if path.hasSuffix("/comments"), request.method == "POST" {
            if let rival = rivalReplyBeforeNextPost {
                rivalReplyBeforeNextPost = nil
                nextID += 1
                comments.append(["id": nextID, "body": rival, "html_url": "https://github.com/o/r/pull/42#issuecomment-\(nextID)", "user": Self.bot])
            }
            nextID += 1
            let comment: [String: Any] = ["id": nextID, "body": request.body?["body"] ?? "", "html_url": "https://github.com/o/r/pull/42#issuecomment-\(nextID)",
                                          "user": Self.bot, "author_association": "NONE"]
            comments.append(comment)
            return (201, comment)
        }
        if path == "/repos/o/r/issues/comments" { return (200, incoming + comments) }
        if path.hasSuffix("/comments") { return (200, comments) }
        return (404, ["message": "Not Found"])
    }

    /// One page of a listing as GitHub serves it (`per_page`, default 30; `page`), with its `Link` header.
    private func paginate(_ json: Any?, _ request: Request) -> (json: Any, link: String?)? {
        let key = ["workflow_runs", "jobs"].first { (json as? [String: Any])?[$0] != nil }
        guard let all = (key.map { (json as? [String: Any])?[$0] } ?? json) as? [[String: Any]] else { return nil }
        let size = Int(request.query["per_page"] ?? "") ?? 30
        let page = Int(request.query["page"] ?? "") ?? 1
        let slice = Array(all.dropFirst((page - 1) * size).prefix(size))
        var link: String?
        if page * size < all.count {
            var next = URLComponents(string: baseURL + request.path)!
            next.queryItems = request.query.filter { $0.key != "page" }.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "page", value: "\(page + 1)")]
            link = "<\(next.url!.absoluteString)>; rel=\"next\""
        }
        guard let key, var object = json as? [String: Any] else { return (slice, link) }
        object[key] = slice
        return (object, link)
    }

    @discardableResult
    private func addRun(for inputs: [String: Any], branch: String) -> [String: Any] {
        let id = 19_600_000_000 + runs.count
        let run: [String: Any] = ["id": id, "html_url": "https://github.com/o/r/actions/runs/\(id)", "head_branch": branch,
                                  "event": "workflow_dispatch", "status": "queued", "created": Date().timeIntervalSince1970,
                                  "display_title": "orchestrated \(inputs["sample_id"] ?? "") \(inputs["dispatch_id"] ?? "")"]
        runs.append(run)
        return run
    }
}
#endif
