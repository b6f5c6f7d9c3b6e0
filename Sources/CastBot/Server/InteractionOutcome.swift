/// How an interaction request ended; the `outcome` label in logs and metrics.
public enum InteractionOutcome: String, Sendable, CaseIterable {
    case pong
    /// Answered within Discord's deadline with the handler's own reply.
    case replied
    /// Answered "thinking…" (type 5); the result follows through a `FollowUpSender`.
    case deferred
    /// No handler is registered for this command or custom id.
    case unknownRoute = "unknown_route"
    case rejectedSignature = "rejected_signature"
    case tooLarge = "too_large"
    case badRequest = "bad_request"
    /// A handler answered with an error status.
    case failed
}
