import CastBot
import CastBotCluster
import CastBotTestSupport
import LocalServers
import Foundation
import Logging
import PlayerData
import Scheduling
import Testing

/// Cluster mode's storage against a real PostgreSQL 15 server that the tests start themselves.
@Suite("Cluster storage on PostgreSQL", .serialized, .timeLimit(.minutes(2)))
struct ClusterStorageTests {
    static func database() async throws -> PostgresDatabase {
        let url = try PostgresTestServer.start().makeDatabase()
        let database = try PostgresDatabase.opened(url: url, logger: .quiet("cluster-tests"))
        try await database.migrate()
        return database
    }

    @Test("Migrating twice (two replicas starting together) leaves one schema")
    func migrateTwice() async throws {
        let database = try await Self.database()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { try await database.migrate() } }
            try await group.waitForAll()
        }
        let storage = PostgresStateStorage(database: database)
        #expect(try await storage.loadState().exportSettings.isEmpty)
        await database.shutdown()
    }

    @Test("A data file is stored per guild and rebuilt byte for byte; the previous version is kept")
    func playerDataRoundTrip() async throws {
        let database = try await Self.database()
        let store = PostgresPlayerData(database: database)
        #expect(try await store.file() == nil)
        let whole = try Fixtures.bytes(Fixtures.wholeFile)
        let first = try await store.save(PlayerDataFile(bytes: whole))
        #expect(first == 1)
        #expect(try await store.file() == whole)

        let crash = try Fixtures.bytes(Fixtures.devCrashRestore)
        try await store.save(PlayerDataFile(bytes: crash), force: true)
        #expect(try await store.file() == crash)
        #expect(try await store.previousFile() == whole)

        let file = try PlayerDataFile(bytes: crash)
        let guild = try #require(file.guildIDs.first)
        let member = try #require(try await store.member(guild))
        #expect(String(decoding: member, as: UTF8.self).hasPrefix("\"\(guild)\""))
        await database.shutdown()
    }

    @Test("The data-loss guard refuses the wiped file over the real one, and nothing changes")
    func guardRefusesWipe() async throws {
        let database = try await Self.database()
        let store = PostgresPlayerData(database: database)
        let whole = try Fixtures.bytes(Fixtures.wholeFile)
        try await store.save(PlayerDataFile(bytes: whole))
        await #expect(throws: ClusterError.self) {
            try await store.save(PlayerDataFile(bytes: Fixtures.bytes(Fixtures.wiped)))
        }
        #expect(try await store.file() == whole)
        #expect(try await store.currentVersion() == 1)
        await database.shutdown()
    }

    @Test("migrate --from-file loads the data file byte for byte and the folder's state database")
    func migrateFolder() async throws {
        let database = try await Self.database()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let whole = try Fixtures.bytes(Fixtures.wholeFile)
        try folder.write(whole, to: "playerData.json")
        let key = ScheduleKey("export:1200000000000000001")
        let record = LastExportRecord(
            deliveredAt: Date(timeIntervalSince1970: 1_760_538_605), guildCount: 31, playerCount: 500, byteCount: 376_047,
            sha256: String(repeating: "b", count: 64), filename: "playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json")
        try await SQLiteStateStorage(directory: folder.path, logger: .quiet("sqlite")).apply([.lastExport(key: key, record)])

        let report = try await ClusterMigration.run(dataFile: folder.path + "/playerData.json", into: database, logger: .quiet("migrate"))
        #expect(report.guilds == 31 && report.bytes == whole.count && report.stateImported)
        #expect(try await PostgresPlayerData(database: database).file() == whole)
        #expect(try await PostgresStateStorage(database: database).loadState().lastExports[key.rawValue] == record)
        await database.shutdown()
    }

    @Test("State changes round-trip: schedules, settings, last exports, history with sizes and verification")
    func stateRoundTrip() async throws {
        let database = try await Self.database()
        let storage = PostgresStateStorage(database: database)
        let key = ScheduleKey("export:1200000000000000001")
        let record = LastExportRecord(
            deliveredAt: Date(timeIntervalSince1970: 1_760_538_605), guildCount: 31, playerCount: 500, byteCount: 3_650_000,
            sha256: String(repeating: "a", count: 64), filename: "playerdata-scheduled-ALL-2025-10-15T14-30-05-000Z.json",
            channelID: "1200000000000000002", messageIDs: ["1300000000000000001"], verified: true)
        try await storage.apply([
            .lastExport(key: key, record),
            .runFinished(
                RunHistoryEntry(
                    scheduleKey: key, run: 1, scheduledAt: record.deliveredAt, startedAt: record.deliveredAt, finishedAt: record.deliveredAt,
                    result: .succeeded, message: nil, exportByteCount: 3_650_000, verified: true)),
            .runFinished(
                RunHistoryEntry(
                    scheduleKey: key, run: 2, scheduledAt: nil, startedAt: nil, finishedAt: record.deliveredAt.addingTimeInterval(60),
                    result: .failed, message: "Discord answered 500")),
        ])
        let state = try await storage.loadState()
        #expect(state.lastExports[key.rawValue] == record)
        let history = try await storage.runHistory(for: key, limit: 10)
        #expect(history.map(\.run) == [2, 1])
        #expect(history.last?.exportByteCount == 3_650_000 && history.last?.verified == true)
        #expect(history.first?.message == "Discord answered 500")
        await database.shutdown()
    }

    @Test("A due DM is handed to one replica only, and to another once the first's claim lapses")
    func noticeClaimedOnce() async throws {
        let database = try await Self.database()
        let storage = PostgresStateStorage(database: database)
        let now = Date(timeIntervalSince1970: 1_760_538_600)
        try await storage.apply([.enqueueNotice(userID: "1200000000000000003", content: "schedule stopped", at: now)])
        let handed = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await storage.dueNotices(at: now, limit: 10).count } }
            return try await group.reduce(0, +)
        }
        #expect(handed == 1)
        #expect(try await storage.dueNotices(at: now.addingTimeInterval(30), limit: 10).isEmpty)
        #expect(try await storage.dueNotices(at: now.addingTimeInterval(61), limit: 10).count == 1)
        await database.shutdown()
    }
}

@Suite("Run claims: every run exactly once across replicas", .serialized, .timeLimit(.minutes(2)))
struct RunClaimTests {
    @Test("Ten replicas asking for the same run: exactly one claims it; the rest see who holds it")
    func oneWinner() async throws {
        let database = try await ClusterStorageTests.database()
        let key = ScheduleKey("export:1200000000000000001")
        let due = Date(timeIntervalSince1970: 1_760_538_600)
        let outcomes = try await withThrowingTaskGroup(of: RunClaims.Claim.self) { group in
            for index in 0..<10 {
                group.addTask { try await RunClaims(database: database, replica: "replica-\(index)").claim(key, dueAt: due) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .claimed(takeover: false) }.count == 1)
        #expect(outcomes.filter { if case .heldElsewhere = $0 { true } else { false } }.count == 9)
        await database.shutdown()
    }

    @Test("A finished run is never claimed again; a new due time is a new claim")
    func finishedStaysFinished() async throws {
        let database = try await ClusterStorageTests.database()
        let key = ScheduleKey("export:1200000000000000001")
        let due = Date(timeIntervalSince1970: 1_760_538_600)
        let first = RunClaims(database: database, replica: "a")
        #expect(try await first.claim(key, dueAt: due) == .claimed(takeover: false))
        #expect(try await first.finish(key, dueAt: due, outcome: "succeeded"))
        #expect(try await RunClaims(database: database, replica: "b").claim(key, dueAt: due) == .finished(replica: "a", outcome: "succeeded"))
        #expect(try await RunClaims(database: database, replica: "b").claim(key, dueAt: due.addingTimeInterval(60)) == .claimed(takeover: false))
        await database.shutdown()
    }

    @Test("A replica that stops renewing loses its run to the next one once its lease lapses; the first can no longer finish it")
    func takeover() async throws {
        let database = try await ClusterStorageTests.database()
        let key = ScheduleKey("export:1200000000000000001")
        let due = Date(timeIntervalSince1970: 1_760_538_600)
        // A lease of one millisecond lapses at once: no waiting in the test.
        let dead = RunClaims(database: database, replica: "dead", lease: .milliseconds(1))
        let alive = RunClaims(database: database, replica: "alive")
        #expect(try await dead.claim(key, dueAt: due) == .claimed(takeover: false))
        var outcome = try await alive.claim(key, dueAt: due)
        for _ in 0..<100 where outcome != .claimed(takeover: true) {
            outcome = try await alive.claim(key, dueAt: due)
        }
        #expect(outcome == .claimed(takeover: true))
        #expect(try await dead.renew(key, dueAt: due) == false)
        #expect(try await dead.finish(key, dueAt: due, outcome: "succeeded") == false)
        #expect(try await alive.renew(key, dueAt: due))
        #expect(try await alive.finish(key, dueAt: due, outcome: "succeeded"))
        await database.shutdown()
    }

    @Test("A released run (graceful shutdown cut it off) is expired at once and taken over by the next replica to ask")
    func releasedRunIsTakenOver() async throws {
        let database = try await ClusterStorageTests.database()
        let key = ScheduleKey("export:1200000000000000001")
        let due = Date(timeIntervalSince1970: 1_760_538_600)
        let stopping = RunClaims(database: database, replica: "stopping")
        let other = RunClaims(database: database, replica: "other")
        #expect(try await stopping.claim(key, dueAt: due) == .claimed(takeover: false))
        // Another replica's release changes nothing of this claim.
        try await other.release(key, dueAt: due)
        #expect(try await stopping.expired().isEmpty)
        try await stopping.release(key, dueAt: due)
        #expect(try await other.expired().map(\.replica) == ["stopping"])
        #expect(try await other.claim(key, dueAt: due) == .claimed(takeover: true))
        #expect(try await stopping.finish(key, dueAt: due, outcome: "succeeded") == false)
        await database.shutdown()
    }
}
