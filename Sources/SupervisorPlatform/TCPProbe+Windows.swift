#if os(Windows)
import WinSDK

private let winsockReady: Bool = {
    var data = WSADATA()
    return WSAStartup(0x0202, &data) == 0
}()

/// Whether a TCP connection to `host:port` is accepted within `timeoutMilliseconds`.
package func tcpAccepts(host: String, port: UInt16, timeoutMilliseconds: Int32) -> Bool {
    guard winsockReady else { return false }
    var hints = ADDRINFOW()
    hints.ai_socktype = SOCK_STREAM
    var list: PADDRINFOW?
    let found = host.withCString(encodedAs: UTF16.self) { hostW in
        String(port).withCString(encodedAs: UTF16.self) { portW in GetAddrInfoW(hostW, portW, &hints, &list) }
    }
    guard found == 0, let first = list else { return false }
    defer { FreeAddrInfoW(list) }
    var entry: PADDRINFOW? = first
    while let info = entry {
        if connectOnce(info.pointee, timeoutMilliseconds: timeoutMilliseconds) { return true }
        entry = info.pointee.ai_next
    }
    return false
}

private func connectOnce(_ info: ADDRINFOW, timeoutMilliseconds: Int32) -> Bool {
    let sock = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
    guard sock != INVALID_SOCKET else { return false }
    defer { closesocket(sock) }
    var nonBlocking: u_long = 1
    let nonBlockingIO = Int32(bitPattern: 0x8004_667E)  // FIONBIO, a macro Swift does not import
    ioctlsocket(sock, nonBlockingIO, &nonBlocking)
    if connect(sock, info.ai_addr, Int32(info.ai_addrlen)) == 0 { return true }
    guard WSAGetLastError() == WSAEWOULDBLOCK else { return false }
    var poller = WSAPOLLFD(fd: sock, events: Int16(POLLWRNORM), revents: 0)
    guard WSAPoll(&poller, 1, timeoutMilliseconds) == 1, poller.revents & Int16(POLLWRNORM) != 0 else { return false }
    var error: Int32 = 0
    var length = Int32(MemoryLayout<Int32>.size)
    let gotError = withUnsafeMutablePointer(to: &error) {
        $0.withMemoryRebound(to: CChar.self, capacity: 4) { getsockopt(sock, SOL_SOCKET, SO_ERROR, $0, &length) }
    }
    return gotError == 0 && error == 0
}
#endif
