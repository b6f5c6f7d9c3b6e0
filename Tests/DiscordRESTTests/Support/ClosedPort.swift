#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback port bound by a socket that never listens: a connection to it is refused, and no
/// other test running in parallel can take the port meanwhile (a port freed by closing a server
/// can be handed to another test's server at once, which then answers in its place).
final class ClosedPort {
    let port: Int
    private let descriptor: Int32
    /// Set once the socket was handed to a server, which then owns (and closes) it.
    private var handedOver = false

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClosedPortError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(descriptor)
            throw ClosedPortError("bind() or getsockname() failed: errno \(errno)")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        if !handedOver { close(descriptor) }
    }

    /// Starts listening on the port, so connections are accepted from now on, and returns the socket
    /// for a server to adopt (`ScriptedHTTPServer.start(listeningSocket:)`); the server closes it.
    func startListening() throws -> Int32 {
        guard !handedOver else { throw ClosedPortError("the socket was already handed over") }
        guard listen(descriptor, 16) == 0 else { throw ClosedPortError("listen() failed: errno \(errno)") }
        handedOver = true
        return descriptor
    }

    var baseURL: String { "http://127.0.0.1:\(port)/api/v10" }
}

struct ClosedPortError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
