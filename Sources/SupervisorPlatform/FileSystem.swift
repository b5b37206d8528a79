/// The file operations the supervisor writes with, made safe for shared hosts: nothing is written
/// through a link it did not expect, temporary files have unpredictable names and are created
/// exclusively, and what it creates gets fixed permissions (files 0644, folders 0755 on POSIX;
/// inherited ACLs on Windows) whatever the umask.
package enum FileSystem {
    /// A random suffix for a temporary file beside its target.
    package static func temporaryName(for path: String) -> String {
        path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    /// Refuses a replacement target that is a link, a folder or a device.
    static func checkReplaceable(_ path: String) throws(PlatformError) {
        let kind = FileKind.of(path)
        guard kind == .missing || kind == .regular else {
            throw PlatformError(message: "\(path): is \(kind.description); refusing to replace it")
        }
    }

    /// `parts` of a path with `.` dropped and `..` taking the previous part away (never above the start).
    static func resolvingDots<S: Sequence>(_ parts: S) -> [Substring] where S.Element == Substring {
        var resolved: [Substring] = []
        for part in parts {
            switch part {
            case ".": continue
            case "..": _ = resolved.popLast()
            default: resolved.append(part)
            }
        }
        return resolved
    }
}
