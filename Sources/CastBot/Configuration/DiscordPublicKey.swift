public import Crypto

/// The application's Ed25519 public key, used to check that interactions really come from Discord.
public struct DiscordPublicKey: Sendable, CustomStringConvertible {
    /// The key as Crypto uses it for verification.
    public let key: Curve25519.Signing.PublicKey

    public init(_ key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// Parses the 64-character hex form shown in the Discord developer portal.
    public init(hex: String) throws(DiscordPublicKeyError) {
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
    public var hex: String { Hex.encode(Array(key.rawRepresentation)) }

    public var description: String { hex }
}
