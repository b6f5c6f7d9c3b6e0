import Crypto
import Foundation

/// A recipient of encrypted exports: an X25519 public key, as `castbot keygen` prints it
/// (`castbot-public-key-1:<base64 of the 32 raw bytes>`). The bot host holds only these.
package struct ExportPublicKey: Sendable, Hashable, CustomStringConvertible {
    package static let prefix = "castbot-public-key-1:"

    let key: Curve25519.KeyAgreement.PublicKey
    /// 16 lowercase hex digits naming the key in export headers and messages (not secret).
    package let keyID: String

    init(key: Curve25519.KeyAgreement.PublicKey) {
        self.key = key
        self.keyID = ExportKeyID.of(key.rawRepresentation)
    }

    /// Parses one `castbot-public-key-1:` text. Errors never quote the text: a secret key pasted by
    /// mistake must not end up in a log.
    package init(text: String) throws(ExportKeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix(ExportSecretKey.prefix) { throw .secretKeyWherePublicExpected }
        guard trimmed.hasPrefix(Self.prefix) else { throw .notAPublicKey }
        guard let raw = Data(base64Encoded: String(trimmed.dropFirst(Self.prefix.count))), raw.count == 32,
            let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)
        else { throw .malformedKey(kind: "public") }
        guard !LowOrderPoint.contains(raw) else { throw .lowOrderPublicKey }
        self.init(key: key)
    }

    /// The `castbot-public-key-1:` line.
    package var text: String { Self.prefix + key.rawRepresentation.base64EncodedString() }

    package var description: String { "export public key \(keyID)" }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.keyID == rhs.keyID && lhs.text == rhs.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// The private half, kept offline by the operator and needed only to decrypt exports.
/// Its `description` shows the key id only, so printing or logging it leaks nothing.
package struct ExportSecretKey: Sendable, CustomStringConvertible {
    package static let prefix = "castbot-secret-key-1:"

    let key: Curve25519.KeyAgreement.PrivateKey
    package let publicKey: ExportPublicKey

    init(key: Curve25519.KeyAgreement.PrivateKey) {
        self.key = key
        self.publicKey = ExportPublicKey(key: key.publicKey)
    }

    /// A new random key pair.
    package static func generate() -> ExportSecretKey {
        ExportSecretKey(key: Curve25519.KeyAgreement.PrivateKey())
    }

    package var keyID: String { publicKey.keyID }
    package var description: String { "export secret key \(keyID)" }

    /// The key file `castbot keygen` writes: comment lines naming the public key and key id, then
    /// the one `castbot-secret-key-1:` line.
    package func fileText(createdAt: Date) -> String {
        [
            "# CastBot export secret key. Keep it offline: it decrypts every export sealed to key id \(keyID).",
            "# created: \(createdAt.formatted(.iso8601))",
            "# key id: \(keyID)",
            "# public key: \(publicKey.text)",
            Self.prefix + key.rawRepresentation.base64EncodedString(),
            "",
        ].joined(separator: "\n")
    }

    /// A warning when the key file at `path` can be read by its group or by others (any of the
    /// mode bits 0077), nil when only its owner can (or it cannot be examined: reading it will
    /// then say why). A key file is made 0600 by `castbot keygen`; a copy may have lost that.
    package static func exposureWarning(forFileAt path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        let mode = String(info.st_mode & 0o777, radix: 8)
        return "warning: the secret key file \(path) is readable by \(info.st_mode & 0o007 != 0 ? "every user" : "its group") "
            + "(mode 0\(mode)); anyone who can read it can decrypt every export sealed to its key. Run `chmod 600 \(path)`"
    }

    /// Every secret key in a key file's text: lines starting with `#` and blank lines are
    /// skipped; any other line must be a `castbot-secret-key-1:` line. Errors give line numbers only.
    package static func keys(inFileText text: String) throws(ExportKeyError) -> [ExportSecretKey] {
        var keys: [ExportSecretKey] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.hasPrefix(prefix) else {
                if line.hasPrefix(ExportPublicKey.prefix) { throw .publicKeyWhereSecretExpected(line: offset + 1) }
                throw .unexpectedLine(offset + 1)
            }
            guard let raw = Data(base64Encoded: String(line.dropFirst(prefix.count))), raw.count == 32,
                let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
            else { throw .malformedKeyLine(offset + 1) }
            keys.append(ExportSecretKey(key: key))
        }
        guard !keys.isEmpty else { throw .noSecretKey }
        return keys
    }
}

/// Key ids: the first 8 bytes of the SHA-256 of the raw public key, in hex. Short enough to read
/// in a message, long enough that two of an operator's keys never share one by chance.
enum ExportKeyID {
    static func of(_ rawPublicKey: Data) -> String {
        hex(SHA256.hash(data: rawPublicKey).prefix(8))
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// X25519 public values of small order: with any private key their shared secret is all zero, so
/// whatever is "encrypted" to one is readable by anyone, and a header carrying one as an
/// encapsulated key was not made by an honest sealer. `castbot keygen` never prints one.
enum LowOrderPoint {
    static func contains<D: ContiguousBytes>(_ raw: D) -> Bool {
        guard let point = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw),
            let secret = try? Curve25519.KeyAgreement.PrivateKey().sharedSecretFromKeyAgreement(with: point)
        else { return true }
        // A clamped private key is a multiple of the cofactor 8, so it sends a point of order
        // 1, 2, 4 or 8 to the identity, whose X25519 encoding is zero; any other point it does not.
        return secret.withUnsafeBytes { bytes in bytes.allSatisfy { $0 == 0 } }
    }
}

/// A key text or key file that cannot be used. No case carries key material.
package enum ExportKeyError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case notAPublicKey
    case secretKeyWherePublicExpected
    case malformedKey(kind: String)
    case lowOrderPublicKey
    case publicKeyWhereSecretExpected(line: Int)
    case unexpectedLine(Int)
    case malformedKeyLine(Int)
    case noSecretKey

    package var description: String {
        switch self {
        case .notAPublicKey:
            "is not an export public key: expected \(ExportPublicKey.prefix)<base64> as printed by `castbot keygen`"
        case .secretKeyWherePublicExpected:
            "is a SECRET key (\(ExportSecretKey.prefix)…); only public keys (\(ExportPublicKey.prefix)…) belong on the bot host. "
                + "Keep the secret key offline and consider generating a new pair, since this one was exposed"
        case .malformedKey(let kind):
            "is not a valid \(kind) key: the base64 after the prefix must decode to 32 bytes"
        case .lowOrderPublicKey:
            "is not a usable public key: it is a low-order X25519 point, whose shared secret with any key is all zero, "
                + "so exports encrypted to it could be read by anyone; use a public key printed by `castbot keygen`"
        case .publicKeyWhereSecretExpected(let line):
            "line \(line) is a public key; decrypting needs the secret key file written by `castbot keygen --out`"
        case .unexpectedLine(let line):
            "line \(line) is neither a comment (#) nor a \(ExportSecretKey.prefix) line"
        case .malformedKeyLine(let line):
            "line \(line) is not a valid secret key: the base64 after the prefix must decode to 32 bytes"
        case .noSecretKey:
            "holds no \(ExportSecretKey.prefix) line"
        }
    }

    package var errorDescription: String? { description }
}
