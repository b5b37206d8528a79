/// The file operations the supervisor writes with, made safe for shared hosts: nothing is written
/// through a link it did not expect, temporary files have unpredictable names and are created
/// exclusively, and what it creates gets fixed permissions (files 0644, folders 0755 on POSIX;
/// inherited ACLs on Windows) whatever the umask.
package enum FileSystem {
    /// A random suffix for a temporary file beside its target.
    package static func temporaryName(for path: String) -> String {
        path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}
