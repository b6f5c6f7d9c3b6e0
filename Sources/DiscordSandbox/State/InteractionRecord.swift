/// The sandbox's own bookkeeping for an interaction it created.
struct InteractionRecord: Sendable {
    var log: SandboxInteractionLog
    /// When the token was issued, on the sandbox clock; tokens live 15 minutes.
    let issuedAt: Duration
    /// For component interactions: the message whose component was used.
    let sourceMessageID: String?
}
