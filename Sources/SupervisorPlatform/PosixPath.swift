/// POSIX rules for making a path absolute: a path starting with `/` stands, anything else is joined
/// to the base; `.`, `..` and repeated slashes are resolved as text (symlinks are not followed).
package enum PosixPath {
    package static func absolute(_ path: String, against base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return "/" + FileSystem.resolvingDots(joined.split(separator: "/", omittingEmptySubsequences: true)).joined(separator: "/")
    }
}
