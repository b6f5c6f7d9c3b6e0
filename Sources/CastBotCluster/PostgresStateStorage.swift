import CastBot
import Foundation
import Logging
import PostgresNIO
import Scheduling

/// The service's state in PostgreSQL (cluster mode): the same rows as `SQLiteStateStorage` (one
/// per schedule, the run history, the settings, the DM outbox), shared by every replica.
///
/// The outbox is claimed rather than read: `dueNotices` hands each due DM to one replica for a
/// minute (`FOR UPDATE SKIP LOCKED`), so two replicas never send the same DM, and a replica that
/// dies while sending leaves it to another once the minute is over.
package final class PostgresStateStorage: ServiceStateStorage {
    package static let defaultHistoryLimit = 100_000
    /// How long a claimed DM is left to the replica sending it.
    static let noticeClaim: Int64 = 60_000

    let database: PostgresDatabase
    private let historyLimit: Int
    /// Named in the announcements of this storage's changes, so that the replica writing them
    /// does not take them on again.
    let replica: String

    package init(database: PostgresDatabase, historyLimit: Int = defaultHistoryLimit, replica: String = "") {
        self.database = database
        self.historyLimit = max(1, historyLimit)
        self.replica = replica
    }

    package func loadState() async throws -> ServiceState {
        let rows = try await database.client.query(
            "SELECT key, status, export_settings, last_export FROM schedules ORDER BY key", logger: database.logger)
        var state = ServiceState()
        var schedules: [ScheduleStatus] = []
        let decoder = StateFileCoding.decoder()
        for try await (key, status, settings, lastExport) in rows.decode((String, String?, String?, String?).self) {
            if let status { schedules.append(try decoder.decode(ScheduleStatus.self, from: Data(status.utf8))) }
            if let settings { state.exportSettings[key] = try decoder.decode(ExportScheduleRequest.self, from: Data(settings.utf8)) }
            if let lastExport { state.lastExports[key] = try decoder.decode(LastExportRecord.self, from: Data(lastExport.utf8)) }
        }
        let health = try await database.client.query("SELECT value FROM settings WHERE name = 'health'", logger: database.logger)
        for try await value in health.decode(String.self) {
            state.healthSettings = try decoder.decode(HealthMonitorSettings.self, from: Data(value.utf8))
        }
        state.schedules = SchedulerSnapshot(takenAt: Date(), schedules: schedules)
        return state
    }

    package func apply(_ changes: [StateChange]) async throws {
        guard !changes.isEmpty else { return }
        let historyLimit = historyLimit
        let logger = database.logger
        let replica = replica
        try await database.transaction { connection in
            var announcements: [ClusterAnnouncement] = []
            for change in changes {
                try await Self.apply(change, on: connection, historyLimit: historyLimit, logger: logger)
                if let announcement = ClusterAnnouncement(change, from: replica), !announcements.contains(announcement) {
                    announcements.append(announcement)
                }
            }
            // Delivered to the other replicas when the transaction commits, never before.
            for announcement in announcements {
                try await announcement.send(on: connection, logger: logger)
            }
        }
    }

    /// One schedule's rows as saved now.
    package func savedSchedule(_ key: ScheduleKey) async throws -> SavedSchedule {
        let rows = try await database.client.query(
            "SELECT status, export_settings, last_export FROM schedules WHERE key = \(key.rawValue)", logger: database.logger)
        let decoder = StateFileCoding.decoder()
        var saved = SavedSchedule(status: nil, exportSettings: nil, lastExport: nil)
        for try await (status, settings, lastExport) in rows.decode((String?, String?, String?).self) {
            saved.status = try status.map { try decoder.decode(ScheduleStatus.self, from: Data($0.utf8)) }
            saved.exportSettings = try settings.map { try decoder.decode(ExportScheduleRequest.self, from: Data($0.utf8)) }
            saved.lastExport = try lastExport.map { try decoder.decode(LastExportRecord.self, from: Data($0.utf8)) }
        }
        return saved
    }

    package func dueNotices(at now: Date, limit: Int) async throws -> [PendingNotice] {
        let nowMilliseconds = Self.milliseconds(now)
        let until = nowMilliseconds + Self.noticeClaim
        let rows = try await database.client.query(
            """
            UPDATE notice_outbox SET next_attempt_at = \(until)
            WHERE id IN (
                SELECT id FROM notice_outbox WHERE state = 'pending' AND next_attempt_at <= \(nowMilliseconds)
                ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, user_id, content, attempts, created_at
            """, logger: database.logger)
        var notices: [PendingNotice] = []
        for try await (id, userID, content, attempts, createdAt) in rows.decode((Int64, String, String, Int, Int64).self) {
            notices.append(PendingNotice(id: id, userID: userID, content: content, attempts: attempts, createdAt: Self.date(createdAt)))
        }
        return notices.sorted { $0.id < $1.id }
    }

    package func nextNoticeDue() async throws -> Date? {
        let rows = try await database.client.query(
            "SELECT min(next_attempt_at) FROM notice_outbox WHERE state = 'pending'", logger: database.logger)
        for try await value in rows.decode(Int64?.self) { return value.map(Self.date) }
        return nil
    }

    package func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry] {
        let rows = try await database.client.query(
            """
            SELECT run, scheduled_at, started_at, finished_at, result, message, byte_count, verified FROM run_history
            WHERE schedule_key = \(key.rawValue) ORDER BY id DESC LIMIT \(limit)
            """, logger: database.logger)
        var entries: [RunHistoryEntry] = []
        for try await (run, scheduledAt, startedAt, finishedAt, result, message, byteCount, verified) in rows.decode(
            (Int, Int64?, Int64?, Int64, String, String?, Int64?, Bool?).self)
        {
            entries.append(
                RunHistoryEntry(
                    scheduleKey: key, run: run, scheduledAt: scheduledAt.map(Self.date), startedAt: startedAt.map(Self.date),
                    finishedAt: Self.date(finishedAt), result: RunResult.Kind(rawValue: result) ?? .failed, message: message,
                    exportByteCount: byteCount.map(Int.init), verified: verified))
        }
        return entries
    }

    // MARK: Changes

    private static func apply(_ change: StateChange, on connection: PostgresConnection, historyLimit: Int, logger: Logger) async throws {
        switch change {
        case .schedule(let status):
            let json = try encode(status)
            try await connection.query(
                """
                INSERT INTO schedules (key, status) VALUES (\(status.key.rawValue), \(json))
                ON CONFLICT (key) DO UPDATE SET status = excluded.status
                """, logger: logger)
        case .forgetSchedule(let key):
            try await connection.query("UPDATE schedules SET status = NULL WHERE key = \(key.rawValue)", logger: logger)
        case .exportSettings(let key, let request):
            let json = try encode(request)
            try await connection.query(
                """
                INSERT INTO schedules (key, export_settings) VALUES (\(key.rawValue), \(json))
                ON CONFLICT (key) DO UPDATE SET export_settings = excluded.export_settings
                """, logger: logger)
        case .lastExport(let key, let record):
            let json = try encode(record)
            try await connection.query(
                """
                INSERT INTO schedules (key, last_export) VALUES (\(key.rawValue), \(json))
                ON CONFLICT (key) DO UPDATE SET last_export = excluded.last_export
                """, logger: logger)
        case .healthSettings(let settings):
            if let settings {
                let json = try encode(settings)
                try await connection.query(
                    "INSERT INTO settings (name, value) VALUES ('health', \(json)) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    logger: logger)
            } else {
                try await connection.query("DELETE FROM settings WHERE name = 'health'", logger: logger)
            }
        case .runFinished(let entry):
            let rows = try await connection.query(
                """
                INSERT INTO run_history (schedule_key, run, scheduled_at, started_at, finished_at, result, message, byte_count, verified)
                VALUES (\(entry.scheduleKey.rawValue), \(entry.run), \(entry.scheduledAt.map(milliseconds)),
                        \(entry.startedAt.map(milliseconds)), \(milliseconds(entry.finishedAt)), \(entry.result.rawValue),
                        \(entry.message), \(entry.exportByteCount.map(Int64.init)), \(entry.verified))
                RETURNING id
                """, logger: logger)
            for try await id in rows.decode(Int64.self) where id % 1_000 == 0 {
                // Pruned in batches of a thousand, as in SQLite.
                try await connection.query("DELETE FROM run_history WHERE id <= \(id - Int64(historyLimit))", logger: logger)
            }
        case .enqueueNotice(let userID, let content, let date):
            try await connection.query(
                """
                INSERT INTO notice_outbox (user_id, content, created_at, next_attempt_at)
                VALUES (\(userID), \(content), \(milliseconds(date)), \(milliseconds(date)))
                """, logger: logger)
        case .noticeDelivered(let id):
            try await connection.query("DELETE FROM notice_outbox WHERE id = \(id)", logger: logger)
        case .noticeRetry(let id, let attempts, let next, let error):
            try await connection.query(
                "UPDATE notice_outbox SET attempts = \(attempts), next_attempt_at = \(milliseconds(next)), last_error = \(error) WHERE id = \(id)",
                logger: logger)
        case .noticeAbandoned(let id, let attempts, let error):
            try await connection.query(
                "UPDATE notice_outbox SET state = 'abandoned', attempts = \(attempts), last_error = \(error) WHERE id = \(id)",
                logger: logger)
        }
    }

}

extension PostgresStateStorage: StateRowCoding {}
