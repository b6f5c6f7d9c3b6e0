import DiscordModels
import DiscordREST
import Foundation
import Logging

/// Sends the router's follow-ups through Discord's REST API: edits the deferred original
/// response, or posts an extra message, with files as multipart uploads.
///
/// Discord may not have processed the deferred answer yet when the follow-up is sent a moment
/// later (the follow-up travels on another connection than the HTTP answer); an "Unknown Webhook",
/// "Unknown Message" or "Unknown interaction" answer is retried up to `retries` times, the n-th
/// retry `n × retryDelay` after the previous attempt.
public struct DiscordFollowUpSender: FollowUpSender {
    let client: any DiscordClient
    let clock: any Clock<Duration>
    let retryDelay: Duration
    let retries: Int

    public init(
        client: any DiscordClient, clock: any Clock<Duration> = ContinuousClock(), retryDelay: Duration = .seconds(1),
        retries: Int = 3
    ) {
        self.client = client
        self.clock = clock
        self.retryDelay = retryDelay
        self.retries = retries
    }

    public func send(_ followUp: FollowUpMessage) async throws {
        guard let applicationID = DiscordModels.Snowflake(followUp.applicationID) else {
            throw FollowUpError("application id \(followUp.applicationID) is not a Discord id")
        }
        let payload: MessagePayload
        do {
            payload = try JSONDecoder().decode(MessagePayload.self, from: Data(followUp.data))
        } catch {
            throw FollowUpError("the reply is not a message payload: \(error)")
        }
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
