import DiscordModels
public import DiscordREST
public import Foundation
public import PlayerData

/// Why a scheduled run failed; the text is what status, logs and the admin's DM show.
public enum ScheduledRunError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The data file could not be read or is not valid JSON.
    case dataFile(PlayerDataError)
    /// The export could not be built (e.g. the guild is not in the data file).
    case export(PlayerDataError)
    case packaging(ExportPackagingError)
    /// Discord refused or did not answer (after the client's own retries).
    case discord(DiscordHTTPError)
    /// The channel id saved with the schedule is not a Discord id.
    case invalidChannelID(String)

    public var description: String {
        switch self {
        case .dataFile(let error): "Could not read the data file: \(error)"
        case .export(let error): "Could not build the export: \(error)"
        case .packaging(let error): error.description
        case .discord(let error): error.description
        case .invalidChannelID(let id): "The channel id \"\(id.prefix(40))\" is not a Discord id."
        }
    }

    public var errorDescription: String? { description }
}

/// Discord failures after which a schedule can never succeed until someone acts: it stops, and
/// the admin who set it is told (DESIGN §6).
enum ScheduleStoppingFailure {
    /// The reason to stop with, or nil when the failure just counts as a failed run.
    static func reason(for error: DiscordHTTPError, channelID: String) -> String? {
        if error.isUnknownChannel {
            return "The channel <#\(channelID)> no longer exists or the bot cannot see it (Discord error 10003 Unknown Channel)."
        }
        if error.code == .missingAccess {
            return "The bot lost access to <#\(channelID)> (Discord error 50001 Missing Access). "
                + "It needs View Channel, Send Messages, Attach Files and Manage Webhooks there."
        }
        if error.code == .missingPermissions {
            return "The bot lacks permissions in <#\(channelID)> (Discord error 50013 Missing Permissions). "
                + "It needs View Channel, Send Messages, Attach Files and Manage Webhooks there."
        }
        return nil
    }
}
