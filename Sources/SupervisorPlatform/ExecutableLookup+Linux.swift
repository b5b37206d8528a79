#if os(Linux)
import Glibc

package extension ExecutableLookup {
    /// POSIX lookup on this machine's file system: a regular file this process may execute.
    static func forEnvironment(_ environment: [String: String]) -> ExecutableLookup {
        .posix(environment: environment) { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
        }
    }
}
#endif
