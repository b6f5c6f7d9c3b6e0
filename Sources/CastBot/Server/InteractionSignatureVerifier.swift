import Crypto
public import Foundation

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
