/// How a signed interaction is delivered: properly signed, or broken in a way a bot must refuse.
package enum SandboxSignatureMode: Sendable, Hashable {
    /// Signed with the sandbox's key over the current timestamp and the exact body.
    case valid
    /// Signed with a different key; a bot must answer 401.
    case wrongKey
    /// No signature headers at all; a bot must answer 401.
    case missing
    /// Signed correctly, but with this `X-Signature-Timestamp` (e.g. a stale one).
    case timestamp(String)
}

/// What the bot answered to an interaction, and whether Discord would have accepted it.
package struct SandboxInteractionDelivery: Sendable {
    /// The interaction, when the body was one the sandbox issued.
    package let interaction: SandboxInteraction?
    package let status: Int
    package let headers: [SandboxHeader]
    package let body: [UInt8]
    /// Time from sending to the full reply, on the sandbox's clock.
    package let elapsed: Duration
    /// Why Discord would show "This interaction failed"; nil when the reply was accepted.
    package let rejection: String?

    package var json: SandboxJSON? { try? SandboxJSON.parse(body) }

    package var accepted: Bool { rejection == nil }
}
