/// What is at a path, looked at without following a final symbolic link (or reparse point), so the
/// supervisor can refuse to remove, overwrite or read through anything it did not expect.
package enum FileKind: Equatable, Sendable {
    case missing
    case regular
    case directory
    case symbolicLink
    /// A device, pipe, socket or anything else.
    case other

    package var description: String {
        switch self {
        case .missing: "missing"
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .other: "a special file"
        }
    }
}
