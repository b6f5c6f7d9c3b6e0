import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a host only this machine reaches: an IP literal in 127.0.0.0/8 or `::1` (also as an
/// IPv4-mapped `::ffff:127.x.y.z`), or the name `localhost`. Decided on the parsed address, never
/// on a prefix of the name: `127.evil.example` is a name like any other and may resolve anywhere.
package enum LoopbackHost {
    /// - Parameter host: a host as in a URL or a `Host` header, without the port; IPv6 literals
    ///   with or without their brackets.
    package static func contains(_ host: String) -> Bool {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes == Array(repeating: 0, count: 15) + [1] { return true }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        return Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
    }

    /// The host of a `Host` header value (`localhost:8081`, `[::1]:8081`, `127.0.0.1`), or nil
    /// when it is not of that shape.
    package static func hostOfHeader(_ value: String) -> String? {
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return String(value[value.index(after: value.startIndex)..<close])
        }
        let pieces = value.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let host = pieces.first, !host.isEmpty else { return nil }
        if pieces.count == 2, pieces[1].isEmpty || !pieces[1].allSatisfy(\.isNumber) { return nil }
        return String(host)
    }
}
