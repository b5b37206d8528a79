import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A GitHub REST API client (`GITHUB_API_URL`, default https://api.github.com). The token is only
/// ever sent in the Authorization header, only to the API's own origin: never logged, written,
/// put in a comment or forwarded on a redirect to another host.
public struct GitHubAPI: Sendable {
    /// One response: `status` 0 means no HTTP answer (a network error, described in `error`).
    public struct Response: @unchecked Sendable {
        public var status: Int
        public var headers: [String: String]
        public var json: Any?
        public var error: String?

        public var isSuccess: Bool { (200..<300).contains(status) }
        /// Worth one retry: a 5xx or no answer at all.
        public var isTransient: Bool { status == 0 || status >= 500 }
        /// GitHub refused it for a rate limit (and it may be tried again later).
        public var isRateLimited: Bool { RateLimit.applies(status: status, headers: headers, message: message) }

        /// GitHub's `message`, else the network error, for replies.
        public var message: String {
            ((json as? [String: Any])?["message"] as? String) ?? error ?? "no message"
        }
    }

    /// The items of a paginated listing, or the answer that stopped it.
    public enum Listing {
        case items([[String: Any]])
        case failed(Response)

        /// The items; a listing that stopped is `Unreadable` as `what`.
        public func items(reading what: String) throws(Unreadable) -> [[String: Any]] {
            switch self {
            case .items(let items): return items
            case .failed(let response): throw Unreadable(what: what, response: response)
            }
        }
    }

    public let baseURL: String
    private let token: String
    private let timeout: TimeInterval
    private let pause: @Sendable (Double) -> Void
    private let session: URLSession
    /// Rate-limited answers are retried as GitHub says while the wait ends before this; nil: never.
    public var deadline: Date?

    public init(baseURL: String, token: String, timeout: TimeInterval = 10,
                pause: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.timeout = timeout
        self.pause = pause
        session = URLSession(configuration: .ephemeral, delegate: SameOriginRedirects(origin: Self.origin(of: self.baseURL)),
                             delegateQueue: nil)
    }

    /// `GITHUB_API_URL` checked: https, or http only to this machine (a test server).
    public static func checkedBaseURL(_ text: String) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            throw DispatchError.usage("GITHUB_API_URL '\(text)' is not a URL; set it to https://api.github.com or your server's https://HOST/api/v3")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw DispatchError.usage("GITHUB_API_URL '\(text)' is not https; the token is only sent over https (plain http only to 127.0.0.1 or localhost)")
        }
        return text
    }

    /// Sends one request and waits for its answer (at most `timeout` seconds, else the client's);
    /// a rate-limited answer is waited out and retried while that ends before `deadline`.
    public func send(_ method: String, _ path: String, query: [(String, String)] = [], body: Any? = nil,
                     headers: [String: String] = [:], timeout: TimeInterval? = nil) -> Response {
        var components = URLComponents(string: baseURL + path)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components?.url else { return Response(status: 0, headers: [:], json: nil, error: "bad URL for \(path)") }
        return send(method, url: url, body: body, headers: headers, timeout: timeout)
    }

    /// Every item of a paginated GET (`key` names the array in an object answer; nil: the answer is
    /// the array), following `Link: rel="next"` for at most `maxPages` pages; more is a failure.
    public func list(_ path: String, query: [(String, String)] = [], key: String? = nil, maxPages: Int = 50,
                     timeout: TimeInterval? = nil) -> Listing {
        var items: [[String: Any]] = []
        var response = send("GET", path, query: query + [("per_page", "100")], timeout: timeout)
        for page in 1...maxPages {
            let found = key.map { (response.json as? [String: Any])?[$0] } ?? response.json
            guard response.isSuccess, let pageItems = found as? [[String: Any]] else { return .failed(response) }
            items += pageItems
            guard let next = LinkHeader.url(response.headers["link"], rel: "next") else { return .items(items) }
            guard let url = URL(string: next), Self.origin(of: next) == Self.origin(of: baseURL) else {
                return .failed(Response(status: 0, headers: [:], json: nil, error: "\(path)'s next page is on another origin; not read"))
            }
            guard page < maxPages else { break }
            response = send("GET", url: url, body: nil, headers: [:], timeout: timeout)
        }
        return .failed(Response(status: 0, headers: [:], json: nil,
                                error: "\(path) has more than \(maxPages) pages of 100; not read to the end"))
    }

    private func send(_ method: String, url: URL, body: Any?, headers: [String: String], timeout: TimeInterval?) -> Response {
        var attempt = 1
        while true {
            let response = sendOnce(method, url: url, body: body, headers: headers, timeout: timeout ?? self.timeout)
            guard response.isRateLimited, let deadline else { return response }
            let wait = RateLimit.wait(headers: response.headers, attempt: attempt, now: Date())
            guard Date().addingTimeInterval(wait) < deadline else { return response }
            pause(wait)
            attempt += 1
        }
    }

    private func sendOnce(_ method: String, url: URL, body: Any?, headers: [String: String], timeout limit: TimeInterval) -> Response {
        var request = URLRequest(url: url, timeoutInterval: limit)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue("2022-11-28", forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue("invoker-supervisor", forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = try? JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        let box = ResponseBox()
        let task = session.dataTask(with: request) { data, response, error in
            let http = response as? HTTPURLResponse
            var fields: [String: String] = [:]
            for (name, value) in http?.allHeaderFields ?? [:] { fields[String(describing: name).lowercased()] = String(describing: value) }
            let status = http?.statusCode ?? 0
            let unfollowed = (300..<400).contains(status) ? fields["location"].map { "a redirect to \(GitHubAPI.origin(of: $0)), another origin than the API's, was not followed" } : nil
            box.value = Response(status: status, headers: fields,
                                 json: data.flatMap { $0.isEmpty ? nil : try? JSONSerialization.jsonObject(with: $0) },
                                 error: error?.localizedDescription ?? unfollowed)
            done.signal()
        }
        task.resume()
        // The session's own timeout is not kept on every platform; this one is.
        guard done.wait(timeout: .now() + limit) == .success else {
            task.cancel()
            return Response(status: 0, headers: [:], json: nil, error: "no answer within \(Int(limit.rounded(.up))) s")
        }
        return redacted(box.value ?? Response(status: 0, headers: [:], json: nil, error: "no response"))
    }

    /// The response with the token taken out of every text a person may see.
    private func redacted(_ response: Response) -> Response {
        var response = response
        let hide = { (text: String) in token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***") }
        response.error = response.error.map(hide)
        if var object = response.json as? [String: Any], let message = object["message"] as? String {
            object["message"] = hide(message)
            response.json = object
        }
        return response
    }

    /// `scheme://host:port` of a URL, the port spelled out.
    static func origin(of text: String) -> String {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else { return text }
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(url.port ?? (scheme == "https" ? 443 : 80))"
    }

    private final class ResponseBox: @unchecked Sendable {
        var value: Response?
    }

    /// Follows a redirect only within the API's origin; any other is answered as it came (a 3xx).
    private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        let origin: String

        init(origin: String) { self.origin = origin }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            let target = request.url.map { GitHubAPI.origin(of: $0.absoluteString) }
            guard target == origin else { return completionHandler(nil) }
            var request = request
            if request.value(forHTTPHeaderField: "Authorization") == nil,
               let authorization = task.originalRequest?.value(forHTTPHeaderField: "Authorization") {
                request.setValue(authorization, forHTTPHeaderField: "Authorization")
            }
            completionHandler(request)
        }
    }
}
