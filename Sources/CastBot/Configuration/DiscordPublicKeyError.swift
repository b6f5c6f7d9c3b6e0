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
