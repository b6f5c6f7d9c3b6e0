import ExportFormat
import Foundation
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Export schedule requests and answers", .timeLimit(.minutes(1)))
struct ExportScheduleServiceTests {
    static func harness() async throws -> ScheduledHarness {
        try await ScheduledHarness(discord: RecordingDiscordClient(), dataFile: try Fixtures.bytes(Fixtures.wholeFile))
    }

    @Test("The confirmation follows the seed")
    func confirmation() async throws {
        let harness = try await Self.harness()
        let answer = try await harness.features.exports.apply(ScheduleRequests.all(every: 1440))
        let size = ByteSizeText.describe(try Fixtures.bytes(Fixtures.wholeFile).count)
        #expect(answer.message == """
            ✅ **PlayerData Export Scheduled**

            **Interval**: Every 24 hours (1440 minutes)
            **Export Type**: All Servers (31 guilds)
            **Channel**: <#\(ScheduledHarness.channelID)>
            **Estimated Size**: ~\(size) per export
            **First export**: In 5 seconds

            ⚠️ **Note**: Schedule clears on bot restart
            💡 **Tip**: Use /menu → Schedule Export to reschedule after restarts (your settings are remembered)

            📤 The first export will appear shortly to confirm the schedule is working!
            """)
        #expect(answer.guildCount == 31)
        #expect(answer.firstRunAt == harness.date(.seconds(5)))
        #expect(answer.restartPolicy == .clear)
        #expect(answer.typeLabel == "All Servers")
        await harness.stop()
    }

    @Test("resume and a daily time show in the confirmation and the status")
    func resumeDaily() async throws {
        let harness = try await Self.harness()
        let answer = try await harness.features.exports.apply(ScheduleRequests.server(every: 1440, restartPolicy: .resume, dailyAt: "03:00"))
        #expect(answer.cadenceLabel == "Daily at 03:00 UTC")
        #expect(answer.message.contains("🔁 **Restart policy**: resume"))
        #expect(answer.message.contains("**Export Type**: Current Server"))
        let text = await harness.features.exports.statusText(for: .guild(Fixtures.guildID))
        #expect(text.contains("🟢 **Active**: daily at 03:00 UTC"))
        #expect(text.contains("resume (the schedule continues after a restart)"))
        await harness.stop()
    }

    @Test("Interval 0 stops the schedule and keeps the settings for the modal")
    func stop() async throws {
        let harness = try await Self.harness()
        try await harness.features.exports.apply(ScheduleRequests.server(every: 90))
        let answer = try await harness.features.exports.apply(ScheduleRequests.server(every: 0))
        #expect(!answer.isScheduled)
        #expect(answer.message.contains("Stopped"))
        #expect(answer.message.contains("No more scheduled exports"))
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.isActive == false)
        #expect(await harness.features.exports.lastSettings(for: .guild(Fixtures.guildID))?.intervalMinutes == 90)
        let again = try await harness.features.exports.apply(ScheduleRequests.server(every: 0))
        #expect(again.message.contains("nothing changed"))
        await harness.stop()
    }

    @Test("Refused requests change nothing and say what is allowed")
    func refusals() async throws {
        let harness = try await Self.harness()
        for (request, expected) in [
            (ScheduleRequests.server(every: 10_081), ExportScheduleError.intervalOutOfRange(10_081)),
            (ScheduleRequests.server(every: -5), .intervalOutOfRange(-5)),
            (ScheduleRequests.server(every: 60, dailyAt: "25:00"), .invalidDailyTime("25:00")),
            (ScheduleRequests.server(every: 60, guildID: "abc"), .invalidID(field: "guild id", value: "abc")),
        ] {
            await #expect(throws: expected) { try await harness.features.exports.apply(request) }
        }
        #expect(ExportScheduleError.intervalOutOfRange(10_081).description.contains("1 to 10080"))
        #expect(ExportScheduleError.intervalOutOfRange(10_081).description.contains("90m, 6h, 1d, 1w"))
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID)) == nil)
        #expect(await harness.features.exports.lastSettings(for: .guild(Fixtures.guildID)) == nil)
        await harness.stop()
    }

    @Test("Starting again replaces the guild's schedule; each guild and 'all' have their own")
    func oneSchedulePerScope() async throws {
        let harness = try await Self.harness()
        try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
        try await harness.features.exports.apply(ScheduleRequests.server(every: 120))
        try await harness.features.exports.apply(ScheduleRequests.server(every: 60, guildID: "1308581797915005029"))
        try await harness.features.exports.apply(ScheduleRequests.all(every: 30))
        let keys = harness.scheduler.statuses().map(\.key.rawValue)
        #expect(keys == ["export:all", "export:guild:1127596863885934652", "export:guild:1308581797915005029"])
        #expect(await harness.features.exports.status(for: .guild(Fixtures.guildID))?.cadence.interval.wholeMinutes == 120)
        await harness.stop()
    }

    @Test("Scopes map to scheduler keys and back, and encode as plain strings")
    func scopes() throws {
        #expect(ExportScope.guild("123").scheduleKey.rawValue == "export:guild:123")
        #expect(ExportScope(scheduleKey: "export:all") == .all)
        #expect(ExportScope(scheduleKey: "export:guild:9") == .guild("9"))
        #expect(ExportScope(scheduleKey: "health") == nil)
        let data = try JSONEncoder().encode([ExportScope.all, .guild("5")])
        #expect(String(decoding: data, as: UTF8.self) == #"["all","guild:5"]"#)
        #expect(try JSONDecoder().decode([ExportScope].self, from: data) == [.all, .guild("5")])
    }
}
