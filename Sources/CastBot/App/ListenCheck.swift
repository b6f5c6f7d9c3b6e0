import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the listeners `castbot serve` needs can bind their addresses, tried before it takes
/// or changes anything in the data folder, and a bind failure told in words.
package enum ListenCheck {
    /// One listener `serve` will open: what it is, where, and the settings that move it.
    package struct Listener: Sendable {
        package var name: String
        package var host: String
        package var port: Int
        package var settings: String
    }

    /// The listeners of `configuration`: the interactions server, the admin listener when set,
    /// and in sandbox mode the stand-in Discord.
    package static func listeners(of configuration: CastBotConfiguration) -> [Listener] {
        var listeners = [
            Listener(
                name: "the interactions server", host: configuration.httpHost, port: configuration.httpPort,
                settings: "\(ConfigurationKey.httpPort.rawValue) or \(ConfigurationKey.httpHost.rawValue)")
        ]
        if let admin = configuration.adminAddress {
            listeners.append(
                Listener(name: "the admin listener", host: admin.host, port: admin.port, settings: ConfigurationKey.adminAddress.rawValue))
        }
        if configuration.isSandbox {
            listeners.append(
                Listener(
                    name: "the sandbox", host: "127.0.0.1", port: configuration.sandboxPort,
                    settings: ConfigurationKey.sandboxPort.rawValue))
        }
        return listeners
    }

    /// One sentence per listener that cannot bind now, e.g. "the interactions server cannot listen
    /// on 127.0.0.1:8080: the address is in use. Set CASTBOT_HTTP_PORT or CASTBOT_HTTP_HOST to a
    /// free address". Empty when every one can. Nothing stays bound.
    package static func problems(_ listeners: [Listener]) -> [String] {
        listeners.compactMap { listener in
            bindProblem(host: listener.host, port: listener.port).map {
                "\(listener.name) cannot listen on \(listener.host):\(listener.port): \($0). Set \(listener.settings) to a free address"
            }
        }
    }

    /// Why `host:port` cannot be bound now, or nil when it can. Binds a socket the way the servers
    /// do (address reuse on) and closes it at once.
    package static func bindProblem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else {
            return "'\(host)' is not an address of this machine (\(String(cString: gai_strerror(status))))"
        }
        defer { freeaddrinfo(first) }
        let address = first.pointee
        let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { return describe(errno: errno) }
        defer { close(descriptor) }
        var on: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, address.ai_addr, address.ai_addrlen) == 0 else { return describe(errno: errno) }
        return nil
    }

    /// A listen failure thrown by the server, in words: no library call names or error numbers.
    package static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return describe(errno: error.errnoCode) }
        return "\(error)"
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case EADDRINUSE: "the address is in use (another process listens there)"
        case EACCES: "permission denied (ports below 1024 need privileges)"
        case EADDRNOTAVAIL: "the address is not one of this machine's"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
