#if os(Linux)
// Integration tests with real processes; the fake invoker and these helpers are POSIX-only.
import Foundation

/// The programs the package builds, found next to the test bundle.
enum Binaries {
    static let folder: String = {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (testBinary as NSString).deletingLastPathComponent
    }()

    static var supervisor: String { folder + "/invoker-supervisor" }
    /// The repository's root (for the packaging scripts).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var fakeInvoker: String { folder + "/fake-invoker" }
}
#endif
