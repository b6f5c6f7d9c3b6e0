// TEMPORARY until the DiscordREST branch lands; removed at merge.
import DiscordModels
import DiscordREST

extension DiscordHTTPError {
    var isOutcomeUnknown: Bool { false }
}

extension DiscordClient {
    func listMessages(channelID: Snowflake, limit: Int) async throws -> [Message] { [] }
}
