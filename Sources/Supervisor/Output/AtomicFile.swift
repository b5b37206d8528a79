import Foundation
import SupervisorPlatform

/// Writes whole files through an exclusively created temporary file in the same folder and a
/// rename, so a reader or a crash never leaves a half-written file behind, and a link planted at
/// the target is refused rather than followed.
package enum AtomicFile {
    package static func write(_ data: Data, to path: String) throws(PlatformError) {
        try FileSystem.writeAtomically(Array(data), to: path)
    }
}
