import DiscordModels
import DiscordREST
import Foundation
import Logging

/// A reply delivered through Discord's webhook endpoints instead of the HTTP answer.
package struct FollowUpMessage: Sendable, CustomStringConvertible {
    enum Target: Sendable, Equatable {
        /// Replace the deferred "thinking…" message.
        case originalResponse
        /// Post an additional message.
        case newMessage
    }

    var target: Target
    var applicationID: Snowflake
    var interactionID: Snowflake
    /// The interaction token (a 15-minute credential): never logged, not part of `description`.
    var interactionToken: String
    /// The message as the handler produced it for a type 4 reply. It may carry the ephemeral
    /// flag, which editing the original response ignores.
    var payload: MessagePayload
    var files: [ReplyFile]

    init(
        target: Target,
        applicationID: Snowflake,
        interactionID: Snowflake,
        interactionToken: String,
        payload: MessagePayload,
        files: [ReplyFile] = []
    ) {
        self.target = target
        self.applicationID = applicationID
        self.interactionID = interactionID
        self.interactionToken = interactionToken
        self.payload = payload
        self.files = files
    }

    package var description: String {
        "FollowUpMessage(\(target), interaction \(interactionID), \(files.count) files)"
    }
}

/// Delivers a reply that could not go back in the HTTP answer: a late result after a deferral,
/// or a reply with files. The app implements it with the Discord REST client:
/// `.originalResponse` is `PATCH /webhooks/{application_id}/{token}/messages/@original`,
/// `.newMessage` is `POST /webhooks/{application_id}/{token}`, multipart when `files` is not empty.
///
/// A follow-up can be sent a moment after the deferred answer left this server, possibly before
/// Discord has processed it; implementations should retry once shortly after an
/// "Unknown Webhook"/"Unknown interaction" (10015/10062) error.
package protocol FollowUpSender: Sendable {
    func send(_ followUp: FollowUpMessage) async throws
}

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
            payload: messagePayload(of: reply),
            files: reply.files
        )
        do {
            try await sender.send(followUp)
            logger.info("follow-up sent", metadata: ["followup.files": "\(followUp.files.count)"])
        } catch {
            logger.error("follow-up failed", metadata: ["error": "\(error)"])
        }
    }

    /// Only message replies can become a follow-up; a modal, for instance, cannot open once the
    /// interaction was deferred, so the user is told to try again.
    private func messagePayload(of reply: InteractionReply) -> MessagePayload {
        switch reply.content {
        case .response(let response):
            guard response.type.carriesMessage, case .message(let payload) = response.data else {
                return InteractionReply.messagePayload(Self.tooSlowNotice, ephemeral: true)
            }
            return payload
        case .failure:
            return InteractionReply.messagePayload(Self.failureNotice, ephemeral: true)
        }
    }
}

/// Sends the router's follow-ups through Discord's REST API: edits the deferred original
/// response, or posts an extra message, with files as multipart uploads.
///
/// Discord may not have processed the deferred answer yet when the follow-up is sent a moment
/// later (the follow-up travels on another connection than the HTTP answer); an "Unknown Webhook",
/// "Unknown Message" or "Unknown interaction" answer is retried up to `retries` times, the n-th
/// retry `n × retryDelay` after the previous attempt.
struct DiscordFollowUpSender: FollowUpSender {
    let client: any DiscordClient
    let clock: any Clock<Duration>
    let retryDelay: Duration
    let retries: Int

    init(
        client: any DiscordClient, clock: any Clock<Duration> = ContinuousClock(), retryDelay: Duration = .seconds(1),
        retries: Int = 3
    ) {
        self.client = client
        self.clock = clock
        self.retryDelay = retryDelay
        self.retries = retries
    }

    func send(_ followUp: FollowUpMessage) async throws {
        let applicationID = followUp.applicationID
        let payload = followUp.payload
        let files = followUp.files.map { DiscordFile(filename: $0.filename, contentType: $0.contentType, data: Data($0.bytes)) }
        var attempt = 0
        while true {
            do {
                try await deliver(followUp.target, applicationID: applicationID, token: followUp.interactionToken, payload, files)
                return
            } catch let error as DiscordHTTPError where Self.isNotYetKnown(error) && attempt < retries {
                attempt += 1
                try await InjectedClock.sleep(on: clock, for: retryDelay * attempt)
            }
        }
    }

    /// Answers Discord gives while it has not processed the interaction's first answer yet.
    private static func isNotYetKnown(_ error: DiscordHTTPError) -> Bool {
        guard let code = error.code else { return false }
        return [.unknownWebhook, .unknownMessage, .unknownInteraction].contains(code)
    }

    private func deliver(
        _ target: FollowUpMessage.Target, applicationID: DiscordModels.Snowflake, token: String, _ payload: MessagePayload,
        _ files: [DiscordFile]
    ) async throws {
        switch target {
        case .originalResponse:
            _ = try await client.editOriginalInteractionResponse(
                applicationID: applicationID, interactionToken: token, payload: payload, files: files)
        case .newMessage:
            _ = try await client.createFollowupMessage(applicationID: applicationID, interactionToken: token, payload: payload, files: files)
        }
    }
}

/// A follow-up that could not be built; never carries the interaction token.
struct FollowUpError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
