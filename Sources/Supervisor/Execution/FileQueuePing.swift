import Foundation
import SupervisorPlatform

/// The seed repo's invoker protocol, used as a handshake: write `requests/<id>.json`
/// (`{"id","verb":"Ping","args":{}}`), wait for `responses/<id>.json` with `"ok": true` and a
/// `result.pong`. READY then means the invoker's request loop really answers (seed bug #87).
package enum FileQueuePing {
    /// How often the response folder is looked at (the seed's client polls every 200 ms).
    package static let pollInterval: TimeInterval = 0.01

    /// `.success(pong)` or `.failure(reason)` within `timeout` seconds.
    package static func ping(folder: String, timeout: Double) -> Result<String, PingFailure> {
        let id = UUID().uuidString.lowercased()
        let requests = folder + "/requests"
        let responses = folder + "/responses"
        let request = requests + "/\(id).json"
        let response = responses + "/\(id).json"
        do {
            try FileManager.default.createDirectory(atPath: requests, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: responses, withIntermediateDirectories: true)
            // Written under another name and renamed, so the invoker never reads half a request.
            let body = OrderedJSON.object([("id", .string(id)), ("verb", .string("Ping")), ("args", .object([]))]).text
            try Data(body.utf8).write(to: URL(fileURLWithPath: requests + "/.\(id).tmp"))
            try FileManager.default.moveItem(atPath: requests + "/.\(id).tmp", toPath: request)
        } catch {
            return .failure(PingFailure(reason: "cannot write the Ping request in \(requests): \(error.localizedDescription)"))
        }
        let answer = Polling.first(within: timeout, every: pollInterval) { () -> [String: Any]? in
            guard let data = FileManager.default.contents(atPath: response), !data.isEmpty else { return nil }
            return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        if let answer {
            try? FileManager.default.removeItem(atPath: response)
            return verdict(answer)
        }
        try? FileManager.default.removeItem(atPath: request)
        return .failure(PingFailure(reason: "no Ping answer in \(responses) within \(Seconds.format(timeout)) s"))
    }

    /// Reads a response: `{"ok":true,"id","verb","result":{"pong":…}}`, or `{"ok":false,"error":…}`.
    package static func verdict(_ answer: [String: Any]) -> Result<String, PingFailure> {
        guard answer["ok"] as? Bool == true else {
            return .failure(PingFailure(reason: "the invoker answered Ping with an error: \(answer["error"].map { "\($0)" } ?? "no error text")"))
        }
        guard let result = answer["result"] as? [String: Any], let pong = result["pong"] else {
            return .failure(PingFailure(reason: "the Ping answer has no result.pong"))
        }
        return .success("\(pong)")
    }

    /// Why a Ping failed, in words for boot.log.
    package struct PingFailure: Error, Equatable {
        package let reason: String
    }
}
