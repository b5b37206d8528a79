#if os(Linux)
/// Runs the daemon under a service manager. systemd needs nothing special (it stops the daemon
/// with SIGTERM, which the daemon handles), so this just runs it.
package enum ServiceHost {
    package static func run(name: String, body: @escaping () -> Int32, stop: @escaping () -> Void) -> Int32 {
        body()
    }
}
#endif
