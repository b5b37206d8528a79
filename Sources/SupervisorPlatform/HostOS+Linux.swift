#if os(Linux)
package extension HostOS {
    /// The rules of the system this binary was built for.
    static let current = HostOS.posix
}
#endif
