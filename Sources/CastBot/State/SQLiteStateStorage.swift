import Foundation
import GRDB
import Logging
import PlayerData
import Scheduling

/// The service's state in `CASTBOT_DATA_DIR/castbot-state.sqlite`: WAL journal, schema
/// migrations, one row per schedule, a capped run history and the DM outbox.
///
/// Two kinds of commit (docs/OPERATIONS.md, "The data folder"). A durable commit waits for an
/// fsync of the WAL (`synchronous = FULL` for that transaction): what a person asked for (a
/// schedule set or stopped, settings, a DM queued) survives a power cut once acknowledged. A run's
/// end is committed without waiting for the disk (`synchronous = NORMAL`): it is in the WAL, in
/// the operating system's hands, before `apply` returns, so it survives a crash or kill -9 of the
/// process, and it reaches the disk with the next durable commit or checkpoint (the state store
/// makes one at most a second later). Without the fsync a run rewrites about one page of the WAL
/// instead of dirtying the WAL's last block again at each commit, and it costs no disk wait.
///
/// GRDB runs every statement on its own serial queue, so disk I/O and fsync never block Swift's
/// cooperative threads. Pages are 2 KiB rather than SQLite's 4 KiB: a run rewrites two small rows
/// (its schedule's and a history row appended at the end), and the bytes written per change scale
/// with the pages it touches. For the same reason the run history has no index by schedule: an
/// index page per run would cost more than the rare scan of `runHistory(for:)` (at most
/// `historyLimit` rows).
package final class SQLiteStateStorage: ServiceStateStorage {
    package static let defaultFileName = "castbot-state.sqlite"
    /// The state file of earlier versions, imported once and then kept as `<name>.migrated`.
    package static let legacyFileName = "castbot-state.json"
    /// Runs kept in the history; the oldest are pruned in batches beyond this.
    package static let defaultHistoryLimit = 100_000

    package let path: String
    private let database: DatabaseQueue
    private let historyLimit: Int

    /// Opens (creating and migrating) the database in `directory`, and imports a legacy
    /// `castbot-state.json` found there once.
    package convenience init(directory: String, historyLimit: Int = defaultHistoryLimit, logger: Logger) throws {
        try DurableFile.makeDirectories(directory)
        try self.init(path: "\(directory)/\(Self.defaultFileName)", historyLimit: historyLimit)
        try importLegacyFile(at: "\(directory)/\(Self.legacyFileName)", logger: logger)
    }

    /// Opens the database at `path`; `:memory:` keeps it in memory (tests).
    package init(path: String, historyLimit: Int = defaultHistoryLimit) throws {
        self.path = path
        self.historyLimit = max(1, historyLimit)
        var configuration = Configuration()
        configuration.label = "castbot-state"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // page_size only takes effect on a new, empty database.
            try db.execute(sql: "PRAGMA page_size = 2048")
        }
        do {
            database = path == ":memory:" ? try DatabaseQueue(configuration: configuration) : try DatabaseQueue(path: path, configuration: configuration)
            if path != ":memory:" {
                try database.writeWithoutTransaction { db in
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
            }
            try Self.migrator.migrate(database)
        } catch {
            throw StateStorageError("Could not open the state database \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: schedules, settings, run history, notice outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schedules (
                        key TEXT PRIMARY KEY NOT NULL,
                        status TEXT,
                        export_settings TEXT,
                        last_export TEXT
                    );
                    CREATE TABLE settings (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE run_history (
                        id INTEGER PRIMARY KEY,
                        schedule_key TEXT NOT NULL,
                        run INTEGER NOT NULL,
                        scheduled_at INTEGER,
                        started_at INTEGER,
                        finished_at INTEGER NOT NULL,
                        result TEXT NOT NULL,
                        message TEXT
                    );
                    CREATE TABLE notice_outbox (
                        id INTEGER PRIMARY KEY,
                        user_id TEXT NOT NULL,
                        content TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER NOT NULL,
                        last_error TEXT,
                        state TEXT NOT NULL DEFAULT 'pending'
                    );
                    CREATE INDEX notice_outbox_due ON notice_outbox (state, next_attempt_at);
                    """)
        }
        migrator.registerMigration("v2: run history keeps each export's size and verification") { db in
            try db.execute(
                sql: """
                    ALTER TABLE run_history ADD COLUMN byte_count INTEGER;
                    ALTER TABLE run_history ADD COLUMN verified INTEGER;
                    """)
        }
        return migrator
    }

    // MARK: ServiceStateStorage

    package func loadState() async throws -> ServiceState {
        try await database.read { db in
            var state = ServiceState()
            var schedules: [ScheduleStatus] = []
            let decoder = StateFileCoding.decoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT key, status, export_settings, last_export FROM schedules ORDER BY key")
            while let row = try rows.next() {
                let key: String = row["key"]
                if let json: String = row["status"] {
                    schedules.append(try decoder.decode(ScheduleStatus.self, from: Data(json.utf8)))
                }
                if let json: String = row["export_settings"] {
                    state.exportSettings[key] = try decoder.decode(ExportScheduleRequest.self, from: Data(json.utf8))
                }
                if let json: String = row["last_export"] {
                    state.lastExports[key] = try decoder.decode(LastExportRecord.self, from: Data(json.utf8))
                }
            }
            if let json = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'health'") {
                state.healthSettings = try decoder.decode(HealthMonitorSettings.self, from: Data(json.utf8))
            }
            state.schedules = SchedulerSnapshot(takenAt: Date(), schedules: schedules)
            return state
        }
    }

    package func apply(_ changes: [StateChange]) async throws {
        try await apply(changes, durable: true)
    }

    package func apply(_ changes: [StateChange], durable: Bool) async throws {
        guard !changes.isEmpty else { return }
        let historyLimit = historyLimit
        try await database.writeWithoutTransaction { db in
            // FULL for this one transaction: its commit fsyncs the WAL, and with it every commit
            // before it.
            if durable { try db.execute(sql: "PRAGMA synchronous = FULL") }
            defer { if durable { try? db.execute(sql: "PRAGMA synchronous = NORMAL") } }
            try db.inTransaction {
                for change in changes {
                    try Self.apply(change, to: db, historyLimit: historyLimit)
                }
                return .commit
            }
        }
    }

    package func dueNotices(at now: Date, limit: Int) async throws -> [PendingNotice] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, user_id, content, attempts, created_at FROM notice_outbox
                    WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: [Self.milliseconds(now), limit]
            ).map { row in
                PendingNotice(
                    id: row["id"], userID: row["user_id"], content: row["content"], attempts: row["attempts"],
                    createdAt: Self.date(row["created_at"]))
            }
        }
    }

    package func nextNoticeDue() async throws -> Date? {
        try await database.read { db in
            try Int64.fetchOne(db, sql: "SELECT min(next_attempt_at) FROM notice_outbox WHERE state = 'pending'").map(Self.date)
        }
    }

    package func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT run, scheduled_at, started_at, finished_at, result, message, byte_count, verified FROM run_history
                    WHERE schedule_key = ? ORDER BY id DESC LIMIT ?
                    """,
                arguments: [key.rawValue, limit]
            ).map { row in Self.historyEntry(row, key: key) }
        }
    }

    /// One pass over the history, newest first, for all of `keys`: the history has no index by
    /// schedule (see above), so a read per schedule would scan it once per schedule.
    package func runHistories(for keys: Set<ScheduleKey>, limit: Int) async throws -> [ScheduleKey: [RunHistoryEntry]] {
        guard !keys.isEmpty, limit > 0 else { return [:] }
        let wanted = Set(keys.map(\.rawValue))
        return try await database.read { db in
            var histories: [ScheduleKey: [RunHistoryEntry]] = [:]
            var complete = 0
            let rows = try Row.fetchCursor(
                db, sql: "SELECT schedule_key, run, scheduled_at, started_at, finished_at, result, message, byte_count, verified FROM run_history ORDER BY id DESC")
            while complete < wanted.count, let row = try rows.next() {
                let raw: String = row[0]
                guard wanted.contains(raw) else { continue }
                let key = ScheduleKey(raw)
                guard histories[key, default: []].count < limit else { continue }
                histories[key, default: []].append(Self.historyEntry(row, key: key))
                if histories[key]?.count == limit { complete += 1 }
            }
            return histories
        }
    }

    private static func historyEntry(_ row: Row, key: ScheduleKey) -> RunHistoryEntry {
        RunHistoryEntry(
            scheduleKey: key, run: row["run"], scheduledAt: (row["scheduled_at"] as Int64?).map(Self.date),
            startedAt: (row["started_at"] as Int64?).map(Self.date), finishedAt: Self.date(row["finished_at"]),
            result: RunResult.Kind(rawValue: row["result"]) ?? .failed, message: row["message"],
            exportByteCount: row["byte_count"], verified: row["verified"])
    }

    /// Counts rows, for tests and the bench.
    func count(_ table: String) async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    // MARK: Changes

    private static func apply(_ change: StateChange, to db: Database, historyLimit: Int) throws {
        switch change {
        case .schedule(let status):
            try upsert(db, key: status.key, column: "status", json: encode(status))
        case .forgetSchedule(let key):
            try db.execute(sql: "UPDATE schedules SET status = NULL WHERE key = ?", arguments: [key.rawValue])
        case .exportSettings(let key, let request):
            try upsert(db, key: key, column: "export_settings", json: encode(request))
        case .lastExport(let key, let record):
            try upsert(db, key: key, column: "last_export", json: encode(record))
        case .healthSettings(let settings):
            if let settings {
                try db.execute(
                    sql: "INSERT INTO settings (name, value) VALUES ('health', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    arguments: [encode(settings)])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE name = 'health'")
            }
        case .runFinished(let entry):
            try db.execute(
                sql: """
                    INSERT INTO run_history (schedule_key, run, scheduled_at, started_at, finished_at, result, message, byte_count, verified)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.scheduleKey.rawValue, entry.run, entry.scheduledAt.map(milliseconds), entry.startedAt.map(milliseconds),
                    milliseconds(entry.finishedAt), entry.result.rawValue, entry.message, entry.exportByteCount, entry.verified,
                ])
            // Pruned in batches of a thousand, so a run rewrites no old pages of the history.
            let id = db.lastInsertedRowID
            if id % 1_000 == 0 {
                try db.execute(sql: "DELETE FROM run_history WHERE id <= ?", arguments: [id - Int64(historyLimit)])
            }
        case .enqueueNotice(let userID, let content, let date):
            try db.execute(
                sql: "INSERT INTO notice_outbox (user_id, content, created_at, next_attempt_at) VALUES (?, ?, ?, ?)",
                arguments: [userID, content, milliseconds(date), milliseconds(date)])
        case .noticeDelivered(let id):
            try db.execute(sql: "DELETE FROM notice_outbox WHERE id = ?", arguments: [id])
        case .noticeRetry(let id, let attempts, let next, let error):
            try db.execute(
                sql: "UPDATE notice_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                arguments: [attempts, milliseconds(next), error, id])
        case .noticeAbandoned(let id, let attempts, let error):
            try db.execute(
                sql: "UPDATE notice_outbox SET state = 'abandoned', attempts = ?, last_error = ? WHERE id = ?",
                arguments: [attempts, error, id])
        }
    }

    private static func upsert(_ db: Database, key: ScheduleKey, column: String, json: String) throws {
        try db.execute(
            sql: "INSERT INTO schedules (key, \(column)) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET \(column) = excluded.\(column)",
            arguments: [key.rawValue, json])
    }


    // MARK: Upgrade from castbot-state.json

    /// Imports a legacy state file once: everything in one transaction, then the file is renamed
    /// `<name>.migrated` (kept for the operator). An unreadable file is copied aside as
    /// `.unreadable` and left alone, as before.
    private func importLegacyFile(at legacyPath: String, logger: Logger) throws {
        let bytes: [UInt8]
        do {
            guard let found = try DurableFile.contentsIfPresent(of: legacyPath) else { return }
            bytes = found
        } catch {
            throw StateStorageError("Could not read the earlier state file \(legacyPath) to import it: \(error)")
        }
        let legacy: ServiceState
        do {
            legacy = try StateFileCoding.decoder().decode(ServiceState.self, from: Data(bytes))
            guard legacy.formatVersion <= ServiceState.currentFormatVersion else { throw StateFileError.newerFormat(legacy.formatVersion) }
        } catch {
            let aside = legacyPath + ".unreadable"
            do {
                try DurableFile.snapshot(legacyPath, to: aside)
            } catch {
                throw StateStorageError("The earlier state file \(legacyPath) is not valid and could not be copied aside: \(error)")
            }
            unlink(legacyPath)
            logger.error(
                "the earlier state file is not valid; it was not imported (copied aside)",
                metadata: ["path": "\(legacyPath)", "copy": "\(aside)", "error": "\(error)"])
            return
        }
        let changes = legacy.asChanges
        let historyLimit = historyLimit
        do {
            // The marker row makes the import happen once even if the rename below fails and the
            // file is found again at the next start.
            try database.write { db in
                guard try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'legacy_import'") == nil else { return }
                for change in changes { try Self.apply(change, to: db, historyLimit: historyLimit) }
                try db.execute(
                    sql: "INSERT INTO settings (name, value) VALUES ('legacy_import', ?)", arguments: [Timestamp.iso8601(Date())])
            }
            let migrated = legacyPath + ".migrated"
            guard rename(legacyPath, migrated) == 0 else {
                throw StateStorageError("could not rename \(legacyPath) to \(migrated) (errno \(errno))")
            }
            try DurableFile.syncDirectory(of: legacyPath)
            logger.notice(
                "imported the earlier state file into the state database",
                metadata: ["from": "\(legacyPath)", "kept_as": "\(migrated)", "into": "\(path)", "schedules": "\(legacy.schedules?.schedules.count ?? 0)"])
        } catch {
            throw StateStorageError("Could not import \(legacyPath) into \(path): \(error)")
        }
    }
}

extension SQLiteStateStorage: StateRowCoding {}
