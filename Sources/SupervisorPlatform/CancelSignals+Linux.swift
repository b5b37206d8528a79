#if os(Linux)
import Dispatch
import Glibc

/// Routes SIGINT, SIGTERM and SIGHUP to a handler instead of ending the process, and ignores SIGPIPE
/// (children get default dispositions back when they are spawned).
package enum CancelSignals {
    private nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    /// Installs the handler; call once, before spawning anything.
    package static func install(_ handler: @escaping @Sendable (CancelSignal) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        for (number, kind) in [(SIGINT, CancelSignal.interrupt), (SIGTERM, CancelSignal.terminate), (SIGHUP, CancelSignal.hangup)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(kind) }
            source.resume()
            sources.append(source)
        }
    }
}
#endif
