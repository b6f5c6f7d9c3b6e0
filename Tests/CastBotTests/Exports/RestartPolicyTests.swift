import DiscordModels
import Foundation
import Logging
import PlayerData
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Restart policies and the saved state", .timeLimit(.minutes(2)))
struct RestartPolicyTests {
    @Test("clear is gone after a restart (settings kept for the modal); resume comes back and runs a missed export once")
    func clearAndResume() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let before = try await ScheduledHarness(discord: RecordingDiscordClient(), directory: directory, dataFile: fixture)
        await before.features.start()
        try await before.features.exports.apply(ScheduleRequests.server(every: 60, restartPolicy: .resume))
        try await before.features.exports.apply(ScheduleRequests.all(every: 60, restartPolicy: .clear))
        await before.advance(by: .seconds(5))
        #expect(await eventually { before.count { $0.isRunSuccess } == 2 })
        await before.stop()

        // The state database: settings, last exports and both schedules.
        let saved = try await Self.savedState(in: directory)
        #expect(saved.exportSettings.keys.sorted() == ["export:all", "export:guild:\(Fixtures.guildID)"])
        #expect(saved.exportSettings["export:all"]?.restartPolicy == .clear)
        #expect(saved.lastExports.count == 2)
        #expect(saved.schedules?.schedules.map(\.key.rawValue) == ["export:all", "export:guild:\(Fixtures.guildID)"])
        #expect(!directory.exists("castbot-state.json"), "no JSON state file any more")

        // Back 2 h 20 min after the first start: the 1 h and 2 h runs were missed.
        let discord = RecordingDiscordClient()
        let after = try await ScheduledHarness(
            discord: discord, directory: directory, startDate: before.startDate.addingTimeInterval(8_400))
        let report = await after.features.start()
        #expect(report.resumed == [ExportScope.guild(Fixtures.guildID).scheduleKey])
        #expect(report.cleared == [ExportScope.all.scheduleKey])
        #expect(report.failed.isEmpty)

        #expect(await after.event { $0.isRunEnd }?.isRunSuccess == true)
        #expect(discord.messages.count == 1, "the missed export runs once at startup, not once per missed hour")
        let resumed = try #require(await after.features.exports.status(for: .guild(Fixtures.guildID)))
        #expect(resumed.isActive)
        #expect(resumed.runCount == 2)
        #expect(resumed.nextRunAt == before.startDate.addingTimeInterval(3 * 3_600), "back on the original hourly grid")

        #expect(await after.features.exports.status(for: .all) == nil)
        #expect(await after.features.exports.lastSettings(for: .all) == ScheduleRequests.all(every: 60, restartPolicy: .clear))
        let text = await after.features.exports.statusText(for: .all)
        #expect(text.contains("No schedule active"))
        #expect(text.contains("restart policy is clear"))
        #expect(text.contains("**Last settings**: every 1 hour (60 minutes)"))

        // The drop check remembers the export made before the restart: same data, no warning.
        #expect(discord.messages.first?.payload.content?.contains("Sharp drop") == false)
        await after.stop()

        // After the second run the state holds only the resumed schedule.
        let final = try await Self.savedState(in: directory)
        #expect(final.schedules?.schedules.filter(\.isActive).map(\.key) == [ExportScope.guild(Fixtures.guildID).scheduleKey])
        #expect(final.exportSettings.count == 2)
    }

    static func savedState(in directory: TemporaryDirectory) async throws -> ServiceState {
        try await SQLiteStateStorage(directory: directory.path, logger: Logger.quiet("state")).loadState()
    }

    @Test("A damaged castbot-state.json from an earlier version is copied aside, not imported, and the service starts empty")
    func unreadableStateFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("{not json".utf8), to: "castbot-state.json")
        let harness = try await ScheduledHarness(discord: RecordingDiscordClient(), directory: directory, dataFile: try Fixtures.bytes(Fixtures.wholeFile))
        let report = await harness.features.start()
        #expect(report == ScheduleRestoreReport())
        #expect(directory.exists("castbot-state.json.unreadable"))
        #expect(try directory.read("castbot-state.json.unreadable") == Array("{not json".utf8))
        #expect(!directory.exists("castbot-state.json"))
        #expect(try await Self.savedState(in: directory).exportSettings.isEmpty)
        await harness.stop()
    }

    @Test("Saved dates round-trip to the millisecond")
    func dateRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_760_538_600.123)
        let record = LastExportRecord(deliveredAt: date, guildCount: 3, playerCount: 4, byteCount: 5, sha256: "ab", filename: "f.json")
        let state = ServiceState(lastExports: ["k": record])
        let data = try StateFileCoding.encoder().encode(state)
        #expect(String(decoding: data, as: UTF8.self).contains("2025-10-15T14:30:00.123Z"))
        let decoded = try StateFileCoding.decoder().decode(ServiceState.self, from: data)
        let back = try #require(decoded.lastExports["k"]?.deliveredAt)
        #expect(abs(back.timeIntervalSince(date)) < 0.001)
    }
}
