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
