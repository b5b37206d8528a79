#if os(Linux)
import Foundation
import Glibc

/// Routes SIGINT, SIGTERM and SIGHUP to a handler instead of ending the process, and ignores SIGPIPE
/// (children get default dispositions back when they are spawned). The signal handler only writes
/// the signal's number to a pipe; a thread blocked on the pipe calls `handler` — no libdispatch,
/// nothing that wakes while no signal comes.
package enum CancelSignals {
    /// The pipe, made on first use (in `install`, before any handler can run): a `let`, so the
    /// signal handler reads it without locks or allocation.
    private static let wakePipe: (read: Int32, write: Int32) = {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return (-1, -1) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }()

    /// Installs the handler; call once, before spawning anything.
    package static func install(_ handler: @escaping @Sendable (CancelSignal) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        let readEnd = wakePipe.read
        guard readEnd >= 0 else { return }
        Thread.detachNewThread {
            var number: UInt8 = 0
            while true {
                let count = read(readEnd, &number, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                switch Int32(number) {
                case SIGINT: handler(.interrupt)
                case SIGTERM: handler(.terminate)
                default: handler(.hangup)
                }
            }
        }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                var byte = UInt8(truncatingIfNeeded: received)
                let saved = errno
                _ = write(CancelSignals.wakePipe.write, &byte, 1)
                errno = saved
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }
}
#endif
