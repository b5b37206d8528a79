#if os(Linux)
import Glibc

/// Renames `source` over `destination` in one step (readers see the old file or the new one, never a mix).
func replaceFile(_ destination: String, with source: String) throws(PlatformError) {
    guard rename(source, destination) == 0 else {
        throw PlatformError(message: "\(destination): cannot replace: \(String(cString: strerror(errno)))")
    }
}
#endif
