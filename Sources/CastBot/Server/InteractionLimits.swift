/// Limits on incoming interaction requests.
public struct InteractionLimits: Sendable {
    /// Larger bodies get 413 without being read further. Discord's payloads are a few KiB.
    public var maxBodyBytes: Int
    /// See `InteractionSignatureVerifier.maxTimestampSkew`; nil turns the replay check off.
    public var maxTimestampSkew: Duration?

    public init(maxBodyBytes: Int = 1 << 20, maxTimestampSkew: Duration? = InteractionSignatureVerifier.defaultMaxTimestampSkew) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTimestampSkew = maxTimestampSkew
    }
}
