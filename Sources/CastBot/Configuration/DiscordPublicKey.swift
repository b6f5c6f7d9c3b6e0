import Crypto

/// The application's Ed25519 public key, used to check that interactions really come from Discord.
package struct DiscordPublicKey: Sendable, CustomStringConvertible {
    /// The key as Crypto uses it for verification.
    package let key: Curve25519.Signing.PublicKey

    package init(_ key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// Parses the 64-character hex form shown in the Discord developer portal.
    package init(hex: String) throws(DiscordPublicKeyError) {
        guard hex.utf8.count == 64 else {
            throw .wrongLength(hex.utf8.count)
        }
        guard let bytes = Hex.decode(hex) else {
            throw .notHex
        }
        do {
            self.key = try Curve25519.Signing.PublicKey(rawRepresentation: bytes)
        } catch {
            throw .notAKey
        }
    }

    /// Lower-case hex, as Discord shows it. A public key is not a secret.
    package var hex: String { Hex.encode(Array(key.rawRepresentation)) }

    package var description: String { hex }
}

/// Why a public key text was refused; the text is the message shown to the operator.
package enum DiscordPublicKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongLength(Int)
    case notHex
    case notAKey

    package var description: String {
        switch self {
        case .wrongLength(let count): "must be 64 hex characters (got \(count))"
        case .notHex: "must be 64 hex characters (0-9, a-f); it contains other characters"
        case .notAKey: "is not a valid Ed25519 public key"
        }
    }
}

/// Hex encoding for signatures and keys, without going through Foundation.
enum Hex {
    /// Decodes an even-length hex string (either case); nil if any character is not hex.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
