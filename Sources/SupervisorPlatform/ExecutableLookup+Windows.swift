#if os(Windows)
import WinSDK

package extension ExecutableLookup {
    /// Windows lookup on this machine's file system: an existing file that is not a folder.
    static func forEnvironment(_ environment: [String: String]) -> ExecutableLookup {
        .windows(environment: environment) { path in
            let attributes = path.withCString(encodedAs: UTF16.self) { GetFileAttributesW($0) }
            return attributes != INVALID_FILE_ATTRIBUTES && attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) == 0
        }
    }
}
#endif
