import Crypto
import DiscordREST

/// Where the admin listener (the `/status` page) binds: `CASTBOT_ADMIN_ADDRESS`, `host:port` or a
/// bare port (then on 127.0.0.1). Unset, there is no admin listener. It is never the interactions
/// listener: that one faces Discord, this one faces operators (through an SSH tunnel).
package struct AdminAddress: Sendable, Equatable, CustomStringConvertible {
    package static let defaultHost = "127.0.0.1"

    package var host: String
    package var port: Int

    package init(host: String = Self.defaultHost, port: Int) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:8081`, `[::1]:8081`, `localhost:8081` or `8081`; nil when not of that shape.
    package init?(parsing text: String) {
        var host = Self.defaultHost
        var portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return nil }  // an IPv6 address needs brackets
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }),
            let port = Int(portText), (1...65535).contains(port)
        else { return nil }
        self.init(host: host, port: port)
    }

    /// Loopback hosts only this machine reaches: an IP literal in 127.0.0.0/8 or `::1`, or
    /// `localhost` (``LoopbackHost``). A name such as `127.evil.example` is not one.
    package var isLoopback: Bool {
        LoopbackHost.contains(host)
    }

    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `CASTBOT_METRICS_ON_ADMIN`: `true` serves `/metrics` on the admin listener only, `false`
    /// (the default) on the interactions listener. Returns the setting, or the problem with it.
    static func metricsOnAdmin(_ text: String?, adminAddressSet: Bool) -> Result<Bool, ConfigurationError> {
        let key = ConfigurationKey.metricsOnAdmin.rawValue
        switch text?.lowercased() {
        case nil, "false": return .success(false)
        case "true" where adminAddressSet: return .success(true)
        case "true":
            return .failure(ConfigurationError(problems: [
                "\(key)=true needs \(ConfigurationKey.adminAddress.rawValue): /metrics moves to the admin listener, so one must be set"
            ]))
        case let other?:
            return .failure(ConfigurationError(problems: ["\(key) must be true or false (got '\(other.prefix(20))')"]))
        }
    }
}

/// The bearer token the admin listener asks for (`CASTBOT_ADMIN_TOKEN`). Kept as a digest, never
/// printed, and compared in constant time.
package struct AdminToken: Sendable, CustomStringConvertible {
    package static let minimumLength = 16
    private let digest: [UInt8]

    /// nil unless `text` is at least `minimumLength` printable ASCII characters without spaces.
    package init?(_ text: String) {
        guard text.count >= Self.minimumLength, text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else { return nil }
        digest = Array(SHA256.hash(data: Array(text.utf8)))
    }

    /// Whether an `Authorization` header value is `Bearer <this token>`. Both sides are hashed
    /// first, so the comparison takes the same time whatever the length or content offered.
    func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let prefix = "Bearer "
        let offered = authorization.hasPrefix(prefix) ? String(authorization.dropFirst(prefix.count)) : ""
        let offeredDigest = Array(SHA256.hash(data: Array(offered.utf8)))
        var difference: UInt8 = 0
        for (a, b) in zip(digest, offeredDigest) { difference |= a ^ b }
        return difference == 0 && authorization.hasPrefix(prefix)
    }

    package var description: String { "<redacted>" }
}
