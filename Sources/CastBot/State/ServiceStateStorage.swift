import Foundation
import Scheduling

/// Where the service keeps its own state: schedules, their settings, the last export of each, run
/// history and the DMs still to send. `SQLiteStateStorage` keeps it in the data folder; a
/// cluster keeps it in PostgreSQL behind the same protocol.
///
/// The protocol is deliberately small: one read of everything at startup, one call that applies a
/// batch of changes atomically, and the two reads the outbox and the status need. A change costs
/// what changed (one row per schedule), never a rewrite of the whole state.
package protocol ServiceStateStorage: Sendable {
    /// Everything saved, for startup.
    func loadState() async throws -> ServiceState
    /// Applies `changes` in order, all or none, durably: once it returns, the changes survive a
    /// crash of the process and a power cut.
    func apply(_ changes: [StateChange]) async throws
    /// Applies `changes` in order, all or none. `durable` false allows a storage to return once
    /// the changes are safe from a crash of the process (kill -9) but before they are on the disk
    /// (see `SQLiteStateStorage`); the next durable commit makes them durable too.
    func apply(_ changes: [StateChange], durable: Bool) async throws
    /// Notices due at `now` or earlier, oldest first.
    func dueNotices(at now: Date, limit: Int) async throws -> [PendingNotice]
    /// When the next notice is due, if any is waiting.
    func nextNoticeDue() async throws -> Date?
    /// The newest runs of a schedule, newest first.
    func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry]
    /// The newest runs of each of `keys`, newest first (one page of the status page).
    func runHistories(for keys: Set<ScheduleKey>, limit: Int) async throws -> [ScheduleKey: [RunHistoryEntry]]
}

extension ServiceStateStorage {
    /// A storage whose every commit is durable (PostgreSQL) needs no other path.
    package func apply(_ changes: [StateChange], durable: Bool) async throws {
        try await apply(changes)
    }

    /// One read per schedule, where the history is indexed by schedule (PostgreSQL).
    package func runHistories(for keys: Set<ScheduleKey>, limit: Int) async throws -> [ScheduleKey: [RunHistoryEntry]] {
        var histories: [ScheduleKey: [RunHistoryEntry]] = [:]
        for key in keys { histories[key] = try await runHistory(for: key, limit: limit) }
        return histories
    }
}

/// One change to the saved state.
package enum StateChange: Sendable, Equatable {
    /// The scheduler's current view of one schedule (after a start, stop or run).
    case schedule(ScheduleStatus)
    /// The schedule is gone (a restart cleared it); its settings and last export stay.
    case forgetSchedule(ScheduleKey)
    case exportSettings(key: ScheduleKey, ExportScheduleRequest)
    case lastExport(key: ScheduleKey, LastExportRecord)
    case healthSettings(HealthMonitorSettings?)
    case runFinished(RunHistoryEntry)
    /// A DM to send to the admin of a schedule that stopped on its own.
    case enqueueNotice(userID: String, content: String, at: Date)
    case noticeDelivered(id: Int64)
    /// A failed attempt; try again at `nextAttemptAt`.
    case noticeRetry(id: Int64, attempts: Int, nextAttemptAt: Date, lastError: String)
    /// Given up (the user cannot be messaged, or too many attempts): kept for the record, not retried.
    case noticeAbandoned(id: Int64, attempts: Int, lastError: String)
}

/// One finished run, as kept in the run history.
package struct RunHistoryEntry: Sendable, Equatable, Codable {
    package var scheduleKey: ScheduleKey
    package var run: Int
    package var scheduledAt: Date?
    package var startedAt: Date?
    package var finishedAt: Date
    package var result: RunResult.Kind
    package var message: String?
    /// The export the run delivered: its size (uncompressed JSON) and whether Discord's stored
    /// copy was verified (nil: no export delivered, or not checked).
    package var exportByteCount: Int?
    package var verified: Bool?

    package init(
        scheduleKey: ScheduleKey, run: Int, scheduledAt: Date?, startedAt: Date?, finishedAt: Date, result: RunResult.Kind,
        message: String?, exportByteCount: Int? = nil, verified: Bool? = nil
    ) {
        self.scheduleKey = scheduleKey
        self.run = run
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.result = result
        self.message = message
        self.exportByteCount = exportByteCount
        self.verified = verified
    }
}

/// A DM waiting in the outbox.
package struct PendingNotice: Sendable, Equatable {
    package var id: Int64
    package var userID: String
    package var content: String
    package var attempts: Int
    package var createdAt: Date

    package init(id: Int64, userID: String, content: String, attempts: Int, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.content = content
        self.attempts = attempts
        self.createdAt = createdAt
    }
}

/// Why the state storage could not be opened.
package struct StateStorageError: Error, CustomStringConvertible, LocalizedError {
    package var description: String
    package var errorDescription: String? { description }

    package init(_ description: String) {
        self.description = description
    }
}

/// How the state storages write a row: dates as whole milliseconds since 1970, values as compact
/// JSON (`StateFileCoding`), the same in SQLite and in PostgreSQL.
package protocol StateRowCoding {}

extension StateRowCoding {
    package static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try StateFileCoding.compactEncoder().encode(value), as: UTF8.self)
    }

    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    package static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
}
