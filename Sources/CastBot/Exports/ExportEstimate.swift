import Foundation
import PlayerData

/// What an export made now would hold, for the confirmation. Never fails: problems become notes.
struct ExportEstimate: Sendable, Equatable {
    var guildCount: Int
    var byteCount: Int?
    var notes: [String]

    static func make(for scope: ExportScope, store: PlayerDataStore, now: Date) async -> ExportEstimate {
        let file: PlayerDataFile
        do {
            file = try await store.load()
        } catch .dataFileMissing(let path) {
            return ExportEstimate(
                guildCount: 0, byteCount: nil, notes: ["⚠️ There is no data file yet (\(path)); exports fail until it exists."])
        } catch {
            return ExportEstimate(
                guildCount: 0, byteCount: nil, notes: ["⚠️ The data file cannot be read now: \(error). Exports fail until it is fixed."])
        }
        switch scope {
        case .all:
            return ExportEstimate(guildCount: file.guildCount, byteCount: file.byteCount, notes: [])
        case .guild(let id):
            do {
                let artifact = try ExportBuilder.serverExport(of: file, guildID: id, date: now, kind: .scheduled)
                return ExportEstimate(guildCount: 1, byteCount: artifact.bytes.count, notes: [])
            } catch {
                return ExportEstimate(
                    guildCount: 1, byteCount: nil,
                    notes: ["⚠️ This server has no player data yet: \(error). Exports fail until it has some."])
            }
        }
    }
}
