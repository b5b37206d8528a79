import SafeText

/// An event that the lifecycle cannot accept in its current state.
package enum LifecycleError: Error, Equatable, CustomStringConvertible {
    /// `event` arrived in `state`, where it cannot happen.
    case illegalEvent(event: String, state: String)

    package var description: String {
        switch self {
        case .illegalEvent(let event, let state):
            return "Lifecycle event '\(LogText.escaped(event))' is not allowed in state '\(LogText.escaped(state))'. "
                + "This is a supervisor bug: please report it with the boot.log attached."
        }
    }
}
