public import Crypto
public import Foundation
import HTTPTypes

/// Checks an interaction request the way Discord signs it: Ed25519 over the
/// `X-Signature-Timestamp` value followed by the raw body.
public struct InteractionSignatureVerifier: Sendable {
    public let publicKey: DiscordPublicKey
    /// Requests whose timestamp is further than this from `now()` are refused as possible replays;
    /// nil turns the check off.
    public let maxTimestampSkew: Duration?
    /// Wall-clock time, injected so tests control it.
    public let now: @Sendable () -> Date

    public static let defaultMaxTimestampSkew = Duration.seconds(300)

    public init(
        publicKey: DiscordPublicKey,
        maxTimestampSkew: Duration? = Self.defaultMaxTimestampSkew,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.publicKey = publicKey
        self.maxTimestampSkew = maxTimestampSkew
        self.now = now
    }

    public func verify(signature: String?, timestamp: String?, body: [UInt8]) throws(SignatureRejection) {
        guard let signature, !signature.isEmpty else { throw .missingSignature }
        guard let timestamp, !timestamp.isEmpty else { throw .missingTimestamp }
        guard signature.utf8.count == 128 else { throw .signatureWrongLength(signature.utf8.count) }
        guard let signatureBytes = Hex.decode(signature) else { throw .signatureNotHex }

        var signed: [UInt8] = []
        signed.reserveCapacity(timestamp.utf8.count + body.count)
        signed.append(contentsOf: timestamp.utf8)
        signed.append(contentsOf: body)
        guard publicKey.key.isValidSignature(signatureBytes, for: signed) else { throw .invalidSignature }

        try checkFreshness(timestamp)
    }

    private func checkFreshness(_ timestamp: String) throws(SignatureRejection) {
        guard let maxTimestampSkew else { return }
        guard let seconds = Int64(timestamp) else { throw .timestampNotUnixSeconds }
        let (offset, overflowed) = Int64(now().timeIntervalSince1970.rounded(.down)).subtractingReportingOverflow(seconds)
        let allowed = maxTimestampSkew.components.seconds
        guard !overflowed, offset.magnitude <= allowed.magnitude else {
            throw .timestampOutOfRange(offsetSeconds: overflowed ? .max : offset, allowedSeconds: allowed)
        }
    }
}

/// Discord's signature headers, by canonical (lower-case) name.
enum HeaderNames {
    static let signature = "x-signature-ed25519"
    static let timestamp = "x-signature-timestamp"
}

extension HTTPFields {
    /// The first value of the field with this canonical name.
    func first(canonicalName: String) -> String? {
        first { $0.name.canonicalName == canonicalName }?.value
    }
}

/// Why an interaction request was refused before its body was read. The description is the
/// short message sent back with the 401.
public enum SignatureRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSignature
    case missingTimestamp
    case signatureNotHex
    case signatureWrongLength(Int)
    case invalidSignature
    case timestampNotUnixSeconds
    case timestampOutOfRange(offsetSeconds: Int64, allowedSeconds: Int64)

    public var description: String {
        switch self {
        case .missingSignature: "missing X-Signature-Ed25519 header"
        case .missingTimestamp: "missing X-Signature-Timestamp header"
        case .signatureNotHex: "X-Signature-Ed25519 must be hex"
        case .signatureWrongLength(let count): "X-Signature-Ed25519 must be 128 hex characters (got \(count))"
        case .invalidSignature: "invalid request signature"
        case .timestampNotUnixSeconds: "X-Signature-Timestamp must be Unix seconds"
        case .timestampOutOfRange(let offset, let allowed):
            "X-Signature-Timestamp is \(offset) s away from server time (allowed \(allowed) s)"
        }
    }
}

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

/// Why a public key text was refused; the text is the message shown to the operator.
public enum DiscordPublicKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongLength(Int)
    case notHex
    case notAKey

    public var description: String {
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
