#if os(Windows)
import Foundation
import WinSDK

extension ExecutableLookup {
    /// Lookup with this environment's Path and PATHEXT (names compared case-insensitively, as Windows does).
    static func forEnvironment(_ environment: [String: String]) -> ExecutableLookup {
        func value(_ name: String) -> String? {
            environment.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let extensions = (value("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").split(separator: ";").map { $0.lowercased() }
        return ExecutableLookup(
            searchPath: (value("Path") ?? "").split(separator: ";", omittingEmptySubsequences: true).map(String.init),
            extensions: [""] + extensions,
            isExecutable: { path in
                let attributes = path.withCString(encodedAs: UTF16.self) { GetFileAttributesW($0) }
                return attributes != INVALID_FILE_ATTRIBUTES && attributes & DWORD(FILE_ATTRIBUTE_DIRECTORY) == 0
            })
    }
}
#endif
