#if os(Windows)
import WinSDK

/// Renames `source` over `destination` in one step (readers see the old file or the new one, never a mix).
func replaceFile(_ destination: String, with source: String) throws(PlatformError) {
    let moved = source.withCString(encodedAs: UTF16.self) { from in
        destination.withCString(encodedAs: UTF16.self) { to in
            MoveFileExW(from, to, DWORD(MOVEFILE_REPLACE_EXISTING) | DWORD(MOVEFILE_WRITE_THROUGH))
        }
    }
    guard moved else { throw PlatformError(message: "\(destination): cannot replace (Windows error \(GetLastError()))") }
}
#endif
