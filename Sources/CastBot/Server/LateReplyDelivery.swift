import Logging

/// Turns a reply that missed the HTTP answer into a follow-up replacing the "thinking…" message.
struct LateReplyDelivery: Sendable {
    let sender: any FollowUpSender

    static let tooSlowNotice = "This took longer than Discord allows. Please try again."
    static let failureNotice = "Something went wrong while handling this. Please try again."

    func deliver(_ reply: InteractionReply, for envelope: InteractionEnvelope, logger: Logger) async {
        guard let applicationID = envelope.applicationID, let token = envelope.token, let interactionID = envelope.id else {
            logger.error("cannot send follow-up: the interaction has no id, application_id or token")
            return
        }
        let followUp = FollowUpMessage(
            target: .originalResponse,
            applicationID: applicationID,
            interactionID: interactionID,
            interactionToken: token,
            data: messageData(of: reply),
            files: reply.files
        )
        do {
            try await sender.send(followUp)
            logger.info("follow-up sent", metadata: ["followup.bytes": "\(followUp.data.count)", "followup.files": "\(followUp.files.count)"])
        } catch {
            logger.error("follow-up failed", metadata: ["error": "\(error)"])
        }
    }

    /// Only message replies can become a follow-up; a modal, for instance, cannot open once the
    /// interaction was deferred, so the user is told to try again.
    private func messageData(of reply: InteractionReply) -> [UInt8] {
        switch reply.content {
        case .callback(let type, let data?) where type.carriesMessage:
            data
        case .callback:
            InteractionReply.messageData(Self.tooSlowNotice, ephemeral: true)
        case .failure:
            InteractionReply.messageData(Self.failureNotice, ephemeral: true)
        }
    }
}
