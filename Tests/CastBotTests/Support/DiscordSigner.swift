import Crypto
import Foundation
import HTTPTypes
import Testing

/// Signs requests the way Discord does: Ed25519 over the timestamp followed by the raw body.
struct DiscordSigner: Sendable {
    let privateKey = Curve25519.Signing.PrivateKey()

    var publicKeyHex: String {
        privateKey.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined()
    }

    func signatureHex(for body: [UInt8], timestamp: String) throws -> String {
        try privateKey.signature(for: Array(timestamp.utf8) + body).map { String(format: "%02x", $0) }.joined()
    }

    /// Headers of a correctly signed interaction request.
    func headers(for body: [UInt8], timestamp: String = TestTime.timestamp) throws -> HTTPFields {
        try Self.headers(signature: signatureHex(for: body, timestamp: timestamp), timestamp: timestamp)
    }

    /// Headers with the given values; nil leaves a header out.
    static func headers(signature: String?, timestamp: String?) throws -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let signature { fields[try #require(HTTPField.Name("X-Signature-Ed25519"))] = signature }
        if let timestamp { fields[try #require(HTTPField.Name("X-Signature-Timestamp"))] = timestamp }
        return fields
    }
}

/// The fixed wall-clock time the tests' servers run at.
enum TestTime {
    static let unixSeconds: Int64 = 1_760_000_000
    static let now = Date(timeIntervalSince1970: TimeInterval(unixSeconds))
    static let timestamp = String(unixSeconds)
}
