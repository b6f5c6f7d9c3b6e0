import Crypto
import Foundation

/// Lowercase hex SHA-256, the form export messages and checksums use.
package enum SHA256Hex {
    package static func digest(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The same for `Data` (a download), without copying it into an array first.
    package static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// A finished digest (or any bytes) in the same lowercase hex.
    package static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
