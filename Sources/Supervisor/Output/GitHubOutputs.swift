/// The step outputs `run` writes to `$GITHUB_OUTPUT`: `ready`, `reason`, `attempts`, `elapsed_ms`.
struct GitHubOutputs: Equatable {
    var ready: Bool
    /// `ready`, `timeout`, `exited`, `spawn_error` or `cancelled`.
    var reason: String
    var attempts: Int
    var elapsedMilliseconds: Int

    /// The `key=value` lines, in this order, each ending in a newline.
    var text: String {
        "ready=\(ready)\nreason=\(reason)\nattempts=\(attempts)\nelapsed_ms=\(elapsedMilliseconds)\n"
    }
}
