#if os(Linux)
import Glibc

extension ExecutableLookup {
    /// Lookup with this environment's PATH.
    static func forEnvironment(_ environment: [String: String]) -> ExecutableLookup {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ExecutableLookup(
            searchPath: path.split(separator: ":", omittingEmptySubsequences: true).map(String.init),
            extensions: [""],
            isExecutable: { path in
                var info = stat()
                return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
            })
    }
}
#endif
