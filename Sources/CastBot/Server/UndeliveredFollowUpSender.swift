public import Logging

/// Used until the Discord client is wired in: logs each follow-up it cannot deliver.
public struct UndeliveredFollowUpSender: FollowUpSender {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ followUp: FollowUpMessage) async throws {
        logger.warning(
            "follow-up not delivered: no Discord client configured",
            metadata: ["interaction.id": "\(followUp.interactionID)", "followup": "\(followUp)"]
        )
    }
}
