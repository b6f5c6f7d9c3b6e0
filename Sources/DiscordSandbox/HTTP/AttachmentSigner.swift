import Crypto
import Foundation

/// Signs attachment URLs as Discord's CDN does since 2024: `?ex=<hex expiry>&is=<hex issued>&hm=<hex
/// HMAC>&`, unix seconds in lowercase hex. A URL is served until `ex`; an expired, altered or
/// unsigned one is refused (404 "This content is no longer available.", as Discord's CDN answers).
/// Every message fetch hands out freshly signed URLs, so a client that keeps a message id can
/// always get a working link again.
struct AttachmentSigner: Sendable {
    private let key = SymmetricKey(size: .bits256)
    let lifetime: Duration

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// `url` with a signature issued at `now` (unix seconds).
    func sign(_ url: String, channelID: String, attachmentID: String, now: Int) -> String {
        let expires = now + Int(lifetime.components.seconds)
        let ex = String(expires, radix: 16)
        let issued = String(now, radix: 16)
        let mac = signature(channelID: channelID, attachmentID: attachmentID, ex: ex, issued: issued)
        return "\(url)?ex=\(ex)&is=\(issued)&hm=\(mac)&"
    }

    /// Whether the query carries this sandbox's signature for the file, not yet expired at `now`.
    func accepts(query: [String: String], channelID: String, attachmentID: String, now: Int) -> Bool {
        guard let ex = query["ex"], let issued = query["is"], let mac = query["hm"],
            let expires = Int(ex, radix: 16), Int(issued, radix: 16) != nil
        else { return false }
        let expected = signature(channelID: channelID, attachmentID: attachmentID, ex: ex, issued: issued)
        // Constant-time comparison, as a real verifier would do.
        guard mac.utf8.count == expected.utf8.count,
            zip(mac.utf8, expected.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
        else { return false }
        return now < expires
    }

    private func signature(channelID: String, attachmentID: String, ex: String, issued: String) -> String {
        let message = Array("\(channelID)/\(attachmentID)/\(ex)/\(issued)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return mac.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
