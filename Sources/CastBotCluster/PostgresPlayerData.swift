import CastBot
import Foundation
import Logging
import NIOCore
import PlayerData
import PostgresNIO

/// The player data in PostgreSQL (cluster mode): the file's top-level members one row each, as
/// their exact bytes (`bytea`, never `jsonb`, which reorders keys and rewrites numbers), in file
/// order, with the bytes around them. Rebuilding gives the file byte for byte, so every export
/// is byte-identical to what the file-backed service makes.
///
/// Every save writes a new version in one transaction and keeps the one before it (the
/// database's `.backup`); the data-loss guard judges it against the current version first.
package struct PostgresPlayerData: Sendable {
    let database: PostgresDatabase
    let guardPolicy: SaveGuard

    package init(database: PostgresDatabase, guardPolicy: SaveGuard = .default) {
        self.database = database
        self.guardPolicy = guardPolicy
    }

    /// The current version's number, or nil before the first save.
    package func currentVersion() async throws -> Int64? {
        let rows = try await database.client.query("SELECT version FROM player_data_file WHERE id = 1", logger: database.logger)
        for try await version in rows.decode(Int64.self) { return version }
        return nil
    }

    /// The whole data file, byte for byte; nil before the first save.
    package func file() async throws -> [UInt8]? {
        try await database.transaction { connection in
            guard let frame = try await Self.frame(connection, logger: database.logger) else { return nil }
            return try await Self.bytes(ofVersion: frame.version, frame: frame, connection, logger: database.logger)
        }
    }

    /// The previous version, kept by the last save.
    package func previousFile() async throws -> [UInt8]? {
        try await database.transaction { connection in
            guard let frame = try await Self.frame(connection, logger: database.logger), frame.version > 1 else { return nil }
            let previous = frame.version - 1
            let rows = try await connection.query(
                "SELECT prefix, suffix FROM player_data_versions WHERE version = \(previous)", logger: database.logger)
            for try await (prefix, suffix) in rows.decode((ByteBuffer, ByteBuffer).self) {
                let old = Frame(prefix: Array(prefix.readableBytesView), suffix: Array(suffix.readableBytesView), version: previous)
                return try await Self.bytes(ofVersion: previous, frame: old, connection, logger: database.logger)
            }
            return nil
        }
    }

    /// One guild's member exactly as stored (`"id": {…}`), or nil.
    package func member(_ key: String) async throws -> [UInt8]? {
        let rows = try await database.client.query(
            """
            SELECT m.member FROM player_data_members m JOIN player_data_file f ON f.id = 1 AND m.version = f.version
            WHERE m.key = \(key)
            """, logger: database.logger)
        for try await member in rows.decode(ByteBuffer.self) { return Array(member.readableBytesView) }
        return nil
    }

    /// What must still be current for a save to go ahead.
    package enum ExpectedBase: Sendable {
        /// Whatever is there (the guard still applies).
        case any
        /// The version whose bytes have this SHA-256; nil: no version yet. An import planned against
        /// a replica's copy names it so.
        case contents(digest: String?)
    }

    /// Saves `file` as the new current version, keeping the current one as the previous. The
    /// guard refuses a drastic shrink unless `force`. When `base` names a version, it must still
    /// be current, else nothing is written.
    @discardableResult
    package func save(_ file: PlayerDataFile, force: Bool = false, base: ExpectedBase = .any) async throws -> Int64 {
        let layout = try PlayerDataLayout(file)
        let guardPolicy = guardPolicy
        let logger = database.logger
        return try await database.transaction { connection in
            // Saves are serialized across replicas by the frame row's lock.
            let current = try await Self.frame(connection, logger: logger, forUpdate: true)
            let existing = try await current.asyncMap { try await Self.bytes(ofVersion: $0.version, frame: $0, connection, logger: logger) }
            if case .contents(let digest) = base, existing.map(SHA256Hex.digest) != digest {
                throw PlayerDataError.dataFileChanged(path: "the cluster's player data (version \(current?.version ?? 0))")
            }
            if let existing, !force {
                let old = try PlayerDataFile(bytes: existing)
                let reasons = guardPolicy.reasons(
                    currentBytes: old.byteCount, currentGuilds: old.guildCount, proposedBytes: file.byteCount, proposedGuilds: file.guildCount)
                if !reasons.isEmpty { throw ClusterError.database("save refused by the data-loss guard: \(reasons.joined(separator: "; "))") }
            }
            let version = (current?.version ?? 0) + 1
            let now = PostgresStateStorage.milliseconds(Date())
            if let current {
                try await connection.query(
                    """
                    INSERT INTO player_data_versions (version, prefix, suffix) VALUES (\(current.version), \(ByteBuffer(bytes: current.prefix)), \(ByteBuffer(bytes: current.suffix)))
                    ON CONFLICT (version) DO NOTHING
                    """, logger: logger)
            }
            for (position, member) in layout.members.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO player_data_members (version, position, key, separator, member)
                    VALUES (\(version), \(Int64(position)), \(member.key), \(ByteBuffer(bytes: member.separator)), \(ByteBuffer(bytes: member.member)))
                    """, logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO player_data_file (id, prefix, suffix, version, updated_at)
                VALUES (1, \(ByteBuffer(bytes: layout.prefix)), \(ByteBuffer(bytes: layout.suffix)), \(version), \(now))
                ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix, suffix = excluded.suffix, version = excluded.version,
                    updated_at = excluded.updated_at
                """, logger: logger)
            // Keep the current and the previous version only.
            try await connection.query("DELETE FROM player_data_members WHERE version < \(version - 1)", logger: logger)
            try await connection.query("DELETE FROM player_data_versions WHERE version < \(version - 1)", logger: logger)
            try await ClusterAnnouncement.playerData.send(on: connection, logger: logger)
            return version
        }
    }

    // MARK: Reading a version

    struct Frame: Sendable {
        var prefix: [UInt8]
        var suffix: [UInt8]
        var version: Int64
    }

    private static func frame(_ connection: PostgresConnection, logger: Logger, forUpdate: Bool = false) async throws -> Frame? {
        let rows = try await connection.query(
            forUpdate
                ? "SELECT prefix, suffix, version FROM player_data_file WHERE id = 1 FOR UPDATE"
                : "SELECT prefix, suffix, version FROM player_data_file WHERE id = 1",
            logger: logger)
        for try await (prefix, suffix, version) in rows.decode((ByteBuffer, ByteBuffer, Int64).self) {
            return Frame(prefix: Array(prefix.readableBytesView), suffix: Array(suffix.readableBytesView), version: version)
        }
        return nil
    }

    private static func bytes(ofVersion version: Int64, frame: Frame, _ connection: PostgresConnection, logger: Logger) async throws -> [UInt8] {
        var bytes = frame.prefix
        let rows = try await connection.query(
            "SELECT separator, member FROM player_data_members WHERE version = \(version) ORDER BY position", logger: logger)
        for try await (separator, member) in rows.decode((ByteBuffer, ByteBuffer).self) {
            bytes += separator.readableBytesView
            bytes += member.readableBytesView
        }
        bytes += frame.suffix
        return bytes
    }
}

extension PostgresPlayerData: PlayerDataUpstream {
    package func save(_ file: PlayerDataFile, force: Bool, replacingContentsWithDigest digest: String?) async throws(PlayerDataError) {
        do {
            try await save(file, force: force, base: .contents(digest: digest))
        } catch let error as PlayerDataError {
            throw error
        } catch {
            throw .sharedStoreFailed(ClusterError.describe(error))
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
