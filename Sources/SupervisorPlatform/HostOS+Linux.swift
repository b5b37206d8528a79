#if os(Linux)
package extension HostOS {
    /// The rules of the system this binary was built for.
    package static let current = HostOS.posix
}
#endif
