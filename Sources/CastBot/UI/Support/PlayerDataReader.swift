import Foundation
import PlayerData

/// Reads the data file for the UI, turning the cases a user can hit into plain refusals.
struct PlayerDataReader: Sendable {
    let store: PlayerDataStore

    func file() async throws -> PlayerDataFile {
        do {
            guard let file = try await store.loadIfPresent() else {
                throw Refusal("📭 There is no playerData.json in the bot's data folder yet, so there is nothing to export.")
            }
            return file
        } catch let error as PlayerDataError {
            throw Refusal("❌ The bot's playerData.json cannot be read: \(error). Nothing was exported; tell the bot's operator.")
        }
    }

    func serverExport(of file: PlayerDataFile, guildID: String, date: Date, kind: ExportKind) throws -> ExportArtifact {
        do throws(PlayerDataError) {
            return try ExportBuilder.serverExport(of: file, guildID: guildID, date: date, kind: kind)
        } catch .guildNotFound {
            throw Refusal("📭 This server has no player data in playerData.json yet, so there is nothing to export.")
        } catch {
            throw Refusal("❌ This server's player data cannot be exported: \(error).")
        }
    }
}
