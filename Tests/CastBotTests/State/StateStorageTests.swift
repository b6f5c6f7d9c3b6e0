import DiscordModels
import Foundation
import Logging
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("The state database", .timeLimit(.minutes(2)))
struct StateStorageTests {
    static let logger = Logger.quiet("state-tests")

    static func status(_ key: ScheduleKey, active: Bool = true, restartPolicy: RestartPolicy = .resume) throws -> ScheduleStatus {
        let settings = ScheduleSettings(
            key: key, cadence: .every(try ScheduleInterval(minutes: 60)),
            info: ScheduleInfo(kind: "export-server", guildID: "1", channelID: "2", setByUserID: "3", typeLabel: "Server", restartPolicy: restartPolicy))
        let start = Date(timeIntervalSince1970: 1_760_000_000)
        return ScheduleStatus(
            settings: settings, isActive: active, startedAt: start, gridAnchor: start, nextRunAt: start.addingTimeInterval(3_600), runCount: 7)
    }

    @Test("the state database is created with the mode the umask leaves (docs/OPERATIONS.md, The data folder)")
    func stateDatabaseFollowsTheUmask() async throws {
        let umask = try FileModes.currentUmask()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try await SQLiteStateStorage(directory: directory.path, logger: Self.logger).loadState()
        #expect(try FileModes.mode("\(directory.path)/\(SQLiteStateStorage.defaultFileName)") == 0o644 & ~umask)
    }

    @Test("castbot-state.json from an earlier version is imported once and kept as .migrated")
    func upgradeFromJSONStateFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = ScheduleKey("export:guild:1331657596087566398")
        let request = ExportScheduleRequest(
            scope: .guild("1331657596087566398"), guildID: "1331657596087566398", channelID: "1400000000000000001",
            setByUserID: "1400000000000000002", intervalMinutes: 60, restartPolicy: .resume)
        let record = LastExportRecord(
            deliveredAt: Date(timeIntervalSince1970: 1_760_538_600.123), guildCount: 1, playerCount: 12, byteCount: 4_096,
            sha256: String(repeating: "a", count: 64), filename: "export.json")
        let health = HealthMonitorSettings(hours: 6, channelID: "1400000000000000003", setByUserID: "1400000000000000002", guildID: nil, restartPolicy: .resume)
        let legacy = ServiceState(
            exportSettings: [key.rawValue: request], lastExports: [key.rawValue: record], healthSettings: health,
            schedules: SchedulerSnapshot(takenAt: Date(), schedules: [try Self.status(key)]))
        let bytes = Array(try StateFileCoding.encoder().encode(legacy))
        try directory.write(bytes, to: "castbot-state.json")

        let imported = try await SQLiteStateStorage(directory: directory.path, logger: Self.logger).loadState()
        #expect(imported.exportSettings == legacy.exportSettings)
        #expect(imported.lastExports[key.rawValue]?.sha256 == record.sha256)
        #expect(abs((imported.lastExports[key.rawValue]?.deliveredAt.timeIntervalSince(record.deliveredAt)) ?? 1) < 0.001)
        #expect(imported.healthSettings == health)
        #expect(imported.schedules?.schedules == legacy.schedules?.schedules)
        #expect(!directory.exists("castbot-state.json"))
        #expect(try directory.read("castbot-state.json.migrated") == bytes, "the old file is kept, byte for byte")

        // Imported once: a change made since survives a file of the same name showing up again.
        let storage = try SQLiteStateStorage(directory: directory.path, logger: Self.logger)
        try await storage.apply([.healthSettings(nil)])
        try directory.write(bytes, to: "castbot-state.json")
        let reopened = try await SQLiteStateStorage(directory: directory.path, logger: Self.logger).loadState()
        #expect(reopened.healthSettings == nil)
        #expect(reopened.exportSettings.count == 1)
    }

    @Test("One row per schedule: a change to one schedule rewrites only its row")
    func oneRowPerSchedule() async throws {
        let storage = try SQLiteStateStorage(path: ":memory:")
        let keys = (0..<50).map { ScheduleKey("export:guild:\($0)") }
        try await storage.apply(try keys.map { .schedule(try Self.status($0)) })
        var changed = try Self.status(keys[7])
        changed.runCount = 8
        try await storage.apply([.schedule(changed)])
        let loaded = try await storage.loadState().schedules?.schedules ?? []
        #expect(loaded.count == 50)
        #expect(loaded.first { $0.key == keys[7] }?.runCount == 8)
        #expect(loaded.filter { $0.runCount == 7 }.count == 49)
        #expect(try await storage.count("schedules") == 50)
    }

    @Test("Run history keeps the newest runs and prunes the oldest in batches")
    func runHistoryIsCapped() async throws {
        let storage = try SQLiteStateStorage(path: ":memory:", historyLimit: 100)
        let key = ScheduleKey("export:all")
        let start = Date(timeIntervalSince1970: 1_760_000_000)
        for chunk in stride(from: 1, through: 2_500, by: 250) {
            try await storage.apply(
                (chunk..<(chunk + 250)).map { run in
                    .runFinished(
                        RunHistoryEntry(
                            scheduleKey: key, run: run, scheduledAt: start, startedAt: start, finishedAt: start.addingTimeInterval(Double(run)),
                            result: run.isMultiple(of: 10) ? .failed : .succeeded, message: run.isMultiple(of: 10) ? "boom" : nil))
                })
        }
        let rows = try await storage.count("run_history")
        #expect(rows >= 100 && rows <= 1_100, "pruned at each thousandth run to the newest 100: \(rows)")
        let newest = try await storage.runHistory(for: key, limit: 3)
        #expect(newest.map(\.run) == [2_500, 2_499, 2_498])
        #expect(newest.first?.result == .failed && newest.first?.message == "boom")
    }

    @Test("1,000 schedules stopping at once: every admin gets a DM, even when each first attempt fails")
    func thousandStopsThousandDMs() async throws {
        let discord = RecordingDiscordClient()
        discord.fail(
            RecordingDiscordClient.createDM,
            with: RecordingDiscordClient.error(500, .general, "500: Internal Server Error", route: RecordingDiscordClient.createDM),
            times: 1_000)
        let harness = try await ScheduledHarness(discord: discord, dataFile: nil)
        await harness.features.start()
        for index in 0..<1_000 {
            let key = ScheduleKey("export:guild:\(1_300_000_000_000_000_000 + index)")
            let settings = ScheduleSettings(
                key: key, cadence: .every(try ScheduleInterval(minutes: 60)),
                info: ScheduleInfo(
                    kind: ExportScheduleKind.server, guildID: "1300000000000000000", channelID: "1400000000000000001",
                    setByUserID: "\(1_500_000_000_000_000_000 + index)", typeLabel: "Server"))
            try harness.work.engine.start(settings, firstRun: .afterDelay) { _ in .stopSchedule(reason: "The channel is gone.") }
        }
        await harness.advance(by: .seconds(5))
        #expect(await harness.events(1_000) { if case .stoppedByRun = $0.kind { true } else { false } })
        #expect(harness.count { if case .stoppedByRun = $0.kind { true } else { false } } == 1_000)
        // Every first attempt failed with a 500; the retries come 30 s later on the clock.
        #expect(await discord.waitUntil { $0.requests(RecordingDiscordClient.createDM).count >= 1_000 })
        #expect(await harness.advance(until: { discord.directMessages.count == 1_000 }, step: .seconds(10)))
        #expect(Set(discord.directMessages.map(\.userID)).count == 1_000)
        #expect(discord.directMessages.allSatisfy { $0.content.contains("The channel is gone.") })
        let storage = harness.work.stateStore.storage
        // A DM's delivery is written after it is sent (in the next group commit).
        #expect(await eventually { (try? await storage.dueNotices(at: .distantFuture, limit: 10).isEmpty) == true }, "the outbox is empty")
        await harness.stop()
    }

    @Test("Changes made while a commit is in flight go together in the next transaction")
    func groupCommit() async throws {
        let storage = GatedStorage()
        let store = ServiceStateStore(storage: storage, loaded: ServiceState(), logger: Self.logger)
        let first = Task { await store.setHealthSettings(nil) }
        #expect(await eventually { storage.batchSizes.count == 1 })
        let request = ExportScheduleRequest(
            scope: .all, guildID: "1400000000000000001", channelID: "1400000000000000002", setByUserID: "1400000000000000003",
            intervalMinutes: 60)
        let others = (0..<20).map { index in
            Task { await store.setExportSettings(request, for: ScheduleKey("export:guild:\(index)")) }
        }
        #expect(await eventually { await store.queuedChangeCount == 20 })
        storage.open()
        await first.value
        for task in others { await task.value }
        #expect(storage.batchSizes == [1, 20], "one commit for the first change, one for the twenty queued behind it")
        #expect(await store.current().exportSettings.count == 20)
    }
}
