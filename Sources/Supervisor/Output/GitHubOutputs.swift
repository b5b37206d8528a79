/// The step outputs `run` writes to `$GITHUB_OUTPUT` (docs/github-outputs.md): `ready`, `reason`
/// in the seed's vocabulary, `attempts`, `elapsed_ms`, then `reason_code` with the finer reason.
package struct GitHubOutputs: Equatable {
    package var ready: Bool
    /// `ready`, `timeout`, `exited`, `spawn_error` or `cancelled`.
    package var reasonCode: String
    package var attempts: Int
    package var elapsedMilliseconds: Int

    /// The seed's `ensure-invoker` vocabulary: `ready`, `timeout`, or `error` for everything else.
    package var reason: String {
        reasonCode == "ready" || reasonCode == "timeout" ? reasonCode : "error"
    }

    /// The `key=value` lines, in this order, each ending in a newline.
    package var text: String {
        "ready=\(ready)\nreason=\(reason)\nattempts=\(attempts)\nelapsed_ms=\(elapsedMilliseconds)\nreason_code=\(reasonCode)\n"
    }
}
