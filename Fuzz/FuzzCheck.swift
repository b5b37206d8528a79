import Glibc

/// What every harness shares: the input as bytes, and a failed property as a crash libFuzzer saves.
/// libFuzzer calls a harness on one thread, so its fixed fixtures are `nonisolated(unsafe)`.
enum FuzzCheck {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Aborts with `message` on stderr when `condition` is false.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        guard !condition() else { return }
        let line = Array("fuzz property failed: \(message())\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }
}
