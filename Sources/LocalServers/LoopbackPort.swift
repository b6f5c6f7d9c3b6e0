#if canImport(Glibc)
import Glibc
#endif

/// A free loopback TCP port for a server the tests or benchmarks start themselves: bound to
/// port 0, named, and released, so the server binds it right after.
package enum LoopbackPort {
    package static func free() throws -> Int {
        let held = try Held()
        defer { held.release() }
        return held.port
    }

    /// A loopback port bound (and, when `listening`, listened on) by this process until
    /// `release()`, so binding it elsewhere fails with "address in use".
    package struct Held: Sendable {
        package let port: Int
        private let descriptor: Int32

        package init(listening: Bool = false) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw LoopbackPortError("socket() failed: \(String(cString: strerror(errno)))") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let descriptor = descriptor
            let named = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
                }
            }
            guard named, !listening || listen(descriptor, 1) == 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw LoopbackPortError("could not find a free loopback port: \(reason)")
            }
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        package func release() {
            close(descriptor)
        }
    }
}

package struct LoopbackPortError: Error, CustomStringConvertible {
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
