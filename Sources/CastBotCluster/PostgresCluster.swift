import CastBot
import Foundation
import Logging
import NIOCore
import PlayerData
import PostgresNIO
import Synchronization
import Scheduling

/// Cluster mode's coordination on PostgreSQL (docs/OPERATIONS.md, "Cluster mode"): run claims, the saved rows of one
/// schedule, the player data, and announcements between replicas over LISTEN/NOTIFY, so that a
/// schedule set on one replica runs on all of them at once instead of at their next poll.
package struct PostgresCluster: ClusterCoordination {
    package let database: PostgresDatabase
    package let storage: PostgresStateStorage
    let claims: RunClaims
    let playerData: PostgresPlayerData
    /// Waits between reconnection attempts of the listener.
    let clock: any Clock<Duration>

    package var replica: String { claims.replica }
    package var lease: Duration { claims.lease }
    package var stateStorage: any ServiceStateStorage { storage }
    package var playerDataUpstream: any PlayerDataUpstream { playerData }

    package init(database: PostgresDatabase, replica: String, lease: Duration = .seconds(10), clock: any Clock<Duration> = ContinuousClock()) {
        self.database = database
        storage = PostgresStateStorage(database: database, replica: replica)
        claims = RunClaims(database: database, replica: replica, lease: lease)
        playerData = PostgresPlayerData(database: database)
        self.clock = clock
    }

    /// A name for this replica: the host name and process id, unique while it runs.
    package static func replicaName() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    package func claimRun(_ key: ScheduleKey, slot: Date) async throws -> RunClaim {
        switch try await claims.claim(key, dueAt: slot) {
        case .claimed(let takeover): .claimed(takeover: takeover)
        case .heldElsewhere(let holder, _): .heldElsewhere(replica: holder)
        case .finished(let holder, _): .finished(replica: holder)
        }
    }

    package func renewRun(_ key: ScheduleKey, slot: Date) async throws -> Bool {
        try await claims.renew(key, dueAt: slot)
    }

    @discardableResult
    package func finishRun(_ key: ScheduleKey, slot: Date, outcome: String) async throws -> Bool {
        try await claims.finish(key, dueAt: slot, outcome: outcome)
    }

    package func releaseRun(_ key: ScheduleKey, slot: Date) async throws {
        try await claims.release(key, dueAt: slot)
    }

    package func expiredRuns(limit: Int) async throws -> [ExpiredRun] {
        try await claims.expired(limit: limit).map { ExpiredRun(key: $0.key, slot: $0.dueAt, replica: $0.replica) }
    }

    /// A replica that has not renewed its row for this long is not counted (it died).
    static let replicaTimeout: Int64 = 10_000

    package func heartbeat() async throws -> Int {
        try await database.transaction { connection in
            try await connection.query(
                """
                INSERT INTO replicas (replica, seen_at) VALUES (\(replica), (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT)
                ON CONFLICT (replica) DO UPDATE SET seen_at = excluded.seen_at
                """, logger: database.logger)
            try await connection.query(
                "DELETE FROM replicas WHERE seen_at < (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT - \(Self.replicaTimeout * 6)",
                logger: database.logger)
            let rows = try await connection.query(
                "SELECT count(*)::BIGINT FROM replicas WHERE seen_at >= (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT - \(Self.replicaTimeout)",
                logger: database.logger)
            for try await count in rows.decode(Int64.self) { return max(1, Int(count)) }
            return 1
        }
    }

    package func leave() async {
        _ = try? await database.client.query("DELETE FROM replicas WHERE replica = \(replica)", logger: database.logger)
    }

    package func forgetFinishedRuns(before date: Date) async throws {
        try await claims.prune(finishedBefore: date)
    }

    package func savedSchedule(_ key: ScheduleKey) async throws -> SavedSchedule {
        try await storage.savedSchedule(key)
    }

    package func playerDataFile() async throws -> [UInt8]? {
        try await playerData.file()
    }

    /// How long `/healthz` waits for the database before calling it unreachable (the pool
    /// itself keeps trying to connect for much longer).
    static let healthCheckTimeout = Duration.seconds(3)

    package func databaseProblem() async -> String? {
        let database = database
        let clock = clock
        return await withTaskGroup(of: String?.self) { group in
            group.addTask {
                do {
                    let rows = try await database.client.query("SELECT 1", logger: database.logger)
                    for try await _ in rows.decode(Int.self) {}
                    return nil
                } catch {
                    return "the database does not answer: \(ClusterError.describe(error))"
                }
            }
            group.addTask {
                try? await InjectedClock.sleep(on: clock, for: Self.healthCheckTimeout)
                return "the database did not answer within \(Self.healthCheckTimeout)"
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    package func followChanges(_ changes: @escaping @Sendable (ClusterChange) async -> Void) async {
        var delay = Duration.seconds(1)
        while !Task.isCancelled {
            let listened = Atomic(false)
            do {
                try await database.client.withConnection { connection in
                    try await connection.listen(on: ClusterAnnouncement.channel) { notifications in
                        listened.store(true, ordering: .relaxed)
                        await changes(.resynchronize)
                        for try await notification in notifications {
                            guard let change = ClusterAnnouncement.change(in: notification.payload, ignoring: replica) else { continue }
                            await changes(change)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                database.logger.warning(
                    "lost the database's announcements; reconnecting",
                    metadata: ["error": "\(ClusterError.describe(error))", "retry_in": "\(delay)"])
            }
            if listened.load(ordering: .relaxed) { delay = .seconds(1) }
            do {
                try await InjectedClock.sleep(on: clock, for: delay)
            } catch {
                return
            }
            delay = min(delay * 2, .seconds(30))
        }
    }
}

/// What one replica tells the others through `NOTIFY castbot_changes`: `<replica>\t<kind>\t<key>`.
enum ClusterAnnouncement: Sendable, Equatable {
    case schedule(ScheduleKey, from: String)
    case healthSettings(from: String)
    /// Player data saves are announced to every replica, the saving one included (its local copy
    /// is refreshed from the database like the others').
    case playerData

    static let channel = "castbot_changes"

    init?(_ change: StateChange, from replica: String) {
        switch change {
        case .schedule(let status): self = .schedule(status.key, from: replica)
        case .forgetSchedule(let key), .exportSettings(let key, _), .lastExport(let key, _): self = .schedule(key, from: replica)
        case .healthSettings: self = .healthSettings(from: replica)
        case .runFinished, .enqueueNotice, .noticeDelivered, .noticeRetry, .noticeAbandoned: return nil
        }
    }

    var payload: String {
        switch self {
        case .schedule(let key, let replica): "\(replica)\tschedule\t\(key.rawValue)"
        case .healthSettings(let replica): "\(replica)\thealth\t"
        case .playerData: "\tplayer_data\t"
        }
    }

    func send(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
    }

    /// The change a payload announces, or nil for this replica's own and unknown ones.
    static func change(in payload: String, ignoring replica: String) -> ClusterChange? {
        let fields = payload.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { return nil }
        switch fields[1] {
        case "player_data": return .playerData
        case _ where fields[0] == replica: return nil
        case "schedule" where !fields[2].isEmpty: return .schedule(ScheduleKey(fields[2]))
        case "health": return .healthSettings
        default: return nil
        }
    }
}
