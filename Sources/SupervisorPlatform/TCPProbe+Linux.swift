#if os(Linux)
import Glibc

/// Whether a TCP connection to `host:port` is accepted within `timeoutMilliseconds`.
package func tcpAccepts(host: String, port: UInt16, timeoutMilliseconds: Int32) -> Bool {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    // A numeric address (the usual `127.0.0.1`) is parsed without the resolver, which reads
    // /etc/hosts and nsswitch.conf on every call; a name falls back to the resolver.
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
    var list: UnsafeMutablePointer<addrinfo>?
    if getaddrinfo(host, String(port), &hints, &list) != 0 {
        hints.ai_flags = AI_NUMERICSERV
        guard getaddrinfo(host, String(port), &hints, &list) == 0 else { return false }
    }
    guard let first = list else { return false }
    defer { freeaddrinfo(list) }
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let info = entry {
        if connectOnce(info.pointee, timeoutMilliseconds: timeoutMilliseconds) { return true }
        entry = info.pointee.ai_next
    }
    return false
}

private func connectOnce(_ info: addrinfo, timeoutMilliseconds: Int32) -> Bool {
    let fd = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), info.ai_protocol)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    if connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return true }
    guard errno == EINPROGRESS else { return false }
    var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
    guard poll(&poller, 1, timeoutMilliseconds) == 1 else { return false }
    var error: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
    return error == 0
}
#endif
