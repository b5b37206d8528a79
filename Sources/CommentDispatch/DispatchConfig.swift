import Foundation
import SafeText

/// The dispatcher's settings (docs/dispatch.md).
public struct DispatchConfig: Equatable, Sendable {
    /// What to do with `matrix` when the workflow already has runs queued or in progress.
    public enum BusyPolicy: String, Sendable {
        /// Run it as `single` instead.
        case downgrade
        /// Dispatch it anyway; it waits its turn.
        case queue
    }

    /// The orchestrated workflow's file name (`.github/workflows/<workflow>`).
    public var workflow = "ci-orchestrated.yml"
    public var enabled = true
    /// `read`, `triage`, `write`, `maintain` or `admin`.
    public var requiredPermission = "write"
    /// PRs from forks are refused unless this is on: these jobs run on self-hosted runners.
    public var allowForks = false
    /// The strategies a comment may ask for.
    public var strategies: [DispatchInputs.Strategy] = [.single, .matrix]
    public var busyPolicy = BusyPolicy.downgrade
    /// Cancel older in-progress orchestrated runs on the same branch and sample group (off: nothing destructive).
    public var autoCancel = false
    /// Seconds between polls of `dispatch poll`.
    public var pollIntervalSeconds = 5.0
    /// How long to look for a dispatched run when GitHub answers 204 without its details.
    public var correlateSeconds = 20.0
    public var retryDelaySeconds = 2.0
    public var duplicateWindowSeconds = 60.0
    /// How long one comment may take, waits for GitHub's rate limits included; past it the comment
    /// is answered `rate_limited` instead.
    public var deadlineSeconds = 120.0

    public init() {}

    static let permissions = ["none", "read", "triage", "write", "maintain", "admin"]

    /// A permission's place in `permissions` (an unknown one ranks as `none`).
    static func rank(_ permission: String) -> Int {
        permissions.firstIndex(of: permission) ?? 0
    }

    /// Reads the config file; every problem is one message naming the key and the fix.
    public static func load(path: String) throws -> DispatchConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DispatchError.config("cannot read dispatch config '\(path)'; pass an existing JSON file with --config")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DispatchError.config("dispatch config '\(path)' is not a JSON object; fix the syntax")
        }
        var config = DispatchConfig()
        let known = ["workflow", "enabled", "requiredPermission", "allowForks", "strategies", "busyPolicy", "autoCancel", "pollIntervalSeconds",
                     "correlateSeconds", "retryDelaySeconds", "duplicateWindowSeconds", "deadlineSeconds"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw DispatchError.config("dispatch config key '\(unknown)' is not known; use one of: \(known.joined(separator: ", "))")
        }
        func text(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String, !text.isEmpty else { throw DispatchError.config("dispatch config key '\(key)' must be a non-empty string") }
            return text
        }
        func flag(_ key: String) throws -> Bool? {
            guard let value = object[key] else { return nil }
            guard let number = value as? NSNumber, String(describing: type(of: number)).contains("Bool") else {
                throw DispatchError.config("dispatch config key '\(key)' must be true or false")
            }
            return number.boolValue
        }
        func seconds(_ key: String) throws -> Double? {
            guard let value = object[key] else { return nil }
            guard let number = value as? NSNumber, !String(describing: type(of: number)).contains("Bool"),
                  (0...3600).contains(number.doubleValue) else {
                throw DispatchError.config("dispatch config key '\(key)' must be a number of seconds from 0 to 3600")
            }
            return number.doubleValue
        }
        config.workflow = try text("workflow") ?? config.workflow
        config.enabled = try flag("enabled") ?? config.enabled
        config.requiredPermission = try text("requiredPermission") ?? config.requiredPermission
        guard permissions.contains(config.requiredPermission) else {
            throw DispatchError.config("dispatch config key 'requiredPermission' must be one of \(permissions.joined(separator: ", "))")
        }
        config.allowForks = try flag("allowForks") ?? config.allowForks
        if let value = object["strategies"] {
            guard let names = value as? [String], !names.isEmpty,
                  case let strategies = names.compactMap(DispatchInputs.Strategy.init(rawValue:)), strategies.count == names.count else {
                throw DispatchError.config("dispatch config key 'strategies' must be a non-empty array of \"single\" and \"matrix\"")
            }
            config.strategies = strategies
        }
        if let policy = try text("busyPolicy") {
            guard let value = BusyPolicy(rawValue: policy) else { throw DispatchError.config("dispatch config key 'busyPolicy' must be downgrade or queue") }
            config.busyPolicy = value
        }
        config.autoCancel = try flag("autoCancel") ?? config.autoCancel
        config.pollIntervalSeconds = try seconds("pollIntervalSeconds") ?? config.pollIntervalSeconds
        config.correlateSeconds = try seconds("correlateSeconds") ?? config.correlateSeconds
        config.retryDelaySeconds = try seconds("retryDelaySeconds") ?? config.retryDelaySeconds
        config.duplicateWindowSeconds = try seconds("duplicateWindowSeconds") ?? config.duplicateWindowSeconds
        config.deadlineSeconds = try seconds("deadlineSeconds") ?? config.deadlineSeconds
        return config
    }
}

/// Why the dispatcher cannot work at all (as opposed to a reply to one comment).
public enum DispatchError: Error, Equatable, CustomStringConvertible {
    case config(String)
    case usage(String)

    /// One line: the paths, keys and values in the message are escaped (`LogText`).
    public var description: String {
        switch self {
        case .config(let message), .usage(let message): return LogText.escaped(message)
        }
    }
}
