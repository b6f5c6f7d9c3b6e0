import DiscordModels
import DiscordREST
import Logging

/// Tells the admin who set a schedule, by DM, that it stopped on its own. A DM that cannot be
/// delivered (DMs closed, user gone) is only logged: nothing else depends on it.
struct AdminNotifier: Sendable {
    let discord: any DiscordClient
    let logger: Logger

    /// Returns whether the DM was delivered.
    @discardableResult
    func notify(userID: String, content: String) async -> Bool {
        guard let user = DiscordModels.Snowflake(userID) else {
            logger.warning("not sending a DM: the admin's user id is not a Discord id", metadata: ["user": "\(userID.prefix(40))"])
            return false
        }
        do {
            let channel = try await discord.createDM(recipientID: user)
            _ = try await discord.createMessage(
                channelID: channel.id, payload: MessagePayload(content: String(content.prefix(2000)), allowedMentions: AllowedMentions.none))
            return true
        } catch {
            logger.warning("could not DM the admin about a stopped schedule", metadata: ["user": "\(userID)", "error": "\(error)"])
            return false
        }
    }
}
