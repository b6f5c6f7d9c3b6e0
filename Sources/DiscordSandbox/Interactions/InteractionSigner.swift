import Crypto
import Foundation

/// Signs interaction requests the way Discord does: Ed25519 over `timestamp + raw body`.
struct InteractionSigner: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    /// The 32-byte public key as 64 lowercase hex digits, the form bots configure.
    var publicKeyHex: String { Hex.encode(privateKey.publicKey.rawRepresentation) }

    func signature(for body: [UInt8], timestamp: String) throws -> String {
        let message = Data(timestamp.utf8) + Data(body)
        return Hex.encode(try privateKey.signature(for: message))
    }
}

enum Hex {
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
