import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A GitHub REST API client (`GITHUB_API_URL`, default https://api.github.com). The token is only
/// ever sent in the Authorization header: never logged, written or put in a comment.
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

        /// GitHub's `message`, else the network error, for replies.
        public var message: String {
            ((json as? [String: Any])?["message"] as? String) ?? error ?? "no message"
        }
    }

    public let baseURL: String
    private let token: String
    private let timeout: TimeInterval

    public init(baseURL: String, token: String, timeout: TimeInterval = 10) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.timeout = timeout
    }

    /// Sends one request and waits for its answer (at most `timeout` seconds, else the client's).
    public func send(_ method: String, _ path: String, query: [(String, String)] = [], body: Any? = nil,
                     headers: [String: String] = [:], timeout: TimeInterval? = nil) -> Response {
        var components = URLComponents(string: baseURL + path)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components?.url else { return Response(status: 0, headers: [:], json: nil, error: "bad URL for \(path)") }
        var request = URLRequest(url: url, timeoutInterval: timeout ?? self.timeout)
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
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            let http = response as? HTTPURLResponse
            var fields: [String: String] = [:]
            for (name, value) in http?.allHeaderFields ?? [:] { fields[String(describing: name).lowercased()] = String(describing: value) }
            box.value = Response(status: http?.statusCode ?? 0, headers: fields,
                                 json: data.flatMap { $0.isEmpty ? nil : try? JSONSerialization.jsonObject(with: $0) },
                                 error: error?.localizedDescription)
            done.signal()
        }
        task.resume()
        // The session's own timeout is not kept on every platform; this one is.
        let limit = timeout ?? self.timeout
        guard done.wait(timeout: .now() + limit) == .success else {
            task.cancel()
            return Response(status: 0, headers: [:], json: nil, error: "no answer within \(Int(limit.rounded(.up))) s")
        }
        return box.value ?? Response(status: 0, headers: [:], json: nil, error: "no response")
    }

    private final class ResponseBox: @unchecked Sendable {
        var value: Response?
    }
}
