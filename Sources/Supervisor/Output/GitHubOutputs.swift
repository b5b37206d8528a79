/// The step outputs `run` writes to `$GITHUB_OUTPUT`: `ready`, `reason`, `attempts`, `elapsed_ms`.
package struct GitHubOutputs: Equatable {
    package var ready: Bool
    /// `ready`, `timeout`, `exited`, `spawn_error` or `cancelled`.
    package var reason: String
    package var attempts: Int
    package var elapsedMilliseconds: Int

    /// The `key=value` lines, in this order, each ending in a newline.
    package var text: String {
        "ready=\(ready)\nreason=\(reason)\nattempts=\(attempts)\nelapsed_ms=\(elapsedMilliseconds)\n"
    }
}
