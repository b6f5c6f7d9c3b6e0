import Crypto
import Foundation
import HTTPTypes

/// Checks an interaction request the way Discord signs it: Ed25519 over the
/// `X-Signature-Timestamp` value followed by the raw body.
package struct InteractionSignatureVerifier: Sendable {
    package let publicKey: DiscordPublicKey
    /// Requests whose timestamp is further than this from `now()` are refused as possible replays;
    /// nil turns the check off.
    package let maxTimestampSkew: Duration?
    /// Wall-clock time, injected so tests control it.
    package let now: @Sendable () -> Date

    package static let defaultMaxTimestampSkew = Duration.seconds(300)

    package init(
        publicKey: DiscordPublicKey,
        maxTimestampSkew: Duration? = Self.defaultMaxTimestampSkew,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.publicKey = publicKey
        self.maxTimestampSkew = maxTimestampSkew
        self.now = now
    }

    package func verify(signature: String?, timestamp: String?, body: [UInt8]) throws(SignatureRejection) {
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
package enum SignatureRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSignature
    case missingTimestamp
    case signatureNotHex
    case signatureWrongLength(Int)
    case invalidSignature
    case timestampNotUnixSeconds
    case timestampOutOfRange(offsetSeconds: Int64, allowedSeconds: Int64)

    package var description: String {
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
