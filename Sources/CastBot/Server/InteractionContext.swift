public import Logging

/// What the server knows about a verified interaction besides its body.
public struct InteractionContext: Sendable {
    public let envelope: InteractionEnvelope
    public let logger: Logger

    public init(envelope: InteractionEnvelope, logger: Logger) {
        self.envelope = envelope
        self.logger = logger
    }
}
