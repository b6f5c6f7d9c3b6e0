import DiscordModels
import Foundation

/// JSON compared by value.
enum JSONText {
    static func value(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func value(_ text: String) throws -> JSONValue {
        try value(Data(text.utf8))
    }

    /// Canned Discord answers.
    static let channel = #"{"id": "1", "type": 0, "guild_id": "2", "name": "backups"}"#
    static let message = #"{"id": "900", "channel_id": "1", "content": "", "attachments": [{"id": "901", "filename": "playerdata.json", "size": 3}]}"#
    static let webhook = #"{"id": "7", "type": 1, "channel_id": "1", "name": "PlayerData Export Scheduler", "token": "d2ViaG9vay10b2tlbi1zZWNyZXQ", "application_id": "3"}"#
}
