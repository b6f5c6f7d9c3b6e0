import CastBot
import Foundation
import Logging
import PlayerData
import Scheduling

/// `castbot migrate --from-file`: moves a data folder into the cluster's database. The player data
/// file goes in one transaction (byte for byte, one row per top-level member, the guard applied
/// when the database already holds data), then the service's state from the folder's SQLite
/// database, if there is one, in another.
package enum ClusterMigration {
    package struct Report: Sendable {
        package let guilds: Int
        package let players: Int
        package let bytes: Int
        package let version: Int64
        package let schedules: Int
        package let stateImported: Bool
    }

    package static func run(
        dataFile path: String, into database: PostgresDatabase, force: Bool = false, logger: Logger
    ) async throws -> Report {
        let file = try PlayerDataFile(bytes: DurableFile.contents(of: path))
        try await database.migrate()
        let version = try await PostgresPlayerData(database: database).save(file, force: force)
        let directory = (path as NSString).deletingLastPathComponent
        var schedules = 0
        var stateImported = false
        if DurableFile.exists("\(directory.isEmpty ? "." : directory)/\(SQLiteStateStorage.defaultFileName)") {
            let state = try await SQLiteStateStorage(directory: directory.isEmpty ? "." : directory, logger: logger).loadState()
            try await PostgresStateStorage(database: database).apply(state.asChanges)
            schedules = state.schedules?.schedules.count ?? 0
            stateImported = true
        }
        return Report(
            guilds: file.guildCount, players: file.playerCount, bytes: file.byteCount, version: version, schedules: schedules,
            stateImported: stateImported)
    }
}
