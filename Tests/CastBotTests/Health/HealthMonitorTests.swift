import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import PlayerData
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

@Suite("Health monitor", .timeLimit(.minutes(1)))
struct HealthMonitorTests {
    /// All text of a Components V2 message, depth first.
    static func texts(_ components: [Component]) -> [String] {
        components.flatMap { component -> [String] in
            if case .textDisplay(let text) = component { return [text.content ?? ""] }
            return texts(component.children)
        }
    }

    @Test("A report every N hours through the webhook path, as a Components V2 container")
    func report() async throws {
        let discord = RecordingDiscordClient()
        let fixture = try Fixtures.bytes(Fixtures.wholeFile)
        let harness = try await ScheduledHarness(discord: discord, dataFile: fixture)
        try await harness.features.exports.apply(ScheduleRequests.all(every: 60))
        let answer = try await harness.features.health.apply(hours: 6, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID)
        #expect(answer.contains("✅ **Health Monitor Scheduled**"))
        #expect(answer.contains("**Interval**: Every 6 hours"))
        #expect(answer.contains("**First report**: In 5 seconds"))

        await harness.advance(by: .seconds(5))
        #expect(await harness.events(2) { $0.isRunSuccess })
        #expect(harness.count { $0.isRunSuccess } == 2)
        let report = try #require(discord.messages.first { $0.payload.flags == .isComponentsV2 })
        #expect(report.payload.content == nil)
        guard case .container(let container) = try #require(report.payload.components?.first) else {
            Issue.record("the report is one container")
            return
        }
        #expect(container.accentColor != nil)
        let text = Self.texts([.container(container)]).joined(separator: "\n")
        let file = try PlayerDataFile(bytes: fixture)
        #expect(text.contains("CastBot Health Report"))
        #expect(text.contains("**Uptime**: 5 s"))
        #expect(text.contains("**Memory (RSS)**: "))
        #expect(text.contains("**Data file**: \(ByteSizeText.describe(fixture.count))"))
        #expect(text.contains("**Guilds**: 31"))
        #expect(text.contains("**Players**: \(file.playerCount)"))
        #expect(text.contains("**All Servers** → <#\(ScheduledHarness.channelID)>"))
        #expect(text.contains("next report <t:\(Int(harness.date(.seconds(6 * 3_600)).timeIntervalSince1970)):R>"))

        let executes = discord.requests(RecordingDiscordClient.executeWebhook)
        #expect(executes.contains { $0.request.query.contains(.init("with_components", "true")) })
        let status = await harness.features.health.statusText()
        #expect(status.contains("🟢 **Health monitor active**: every 6 hours"))
        #expect(await harness.features.health.lastSettings()?.hours == 6)
        await harness.stop()
    }

    @Test("Hours outside 0.016...168 are refused; 0 stops", arguments: [0.01, 168.5, -1, Double.nan])
    func refusedHours(hours: Double) async throws {
        let harness = try await ScheduledHarness(discord: RecordingDiscordClient(), dataFile: try Fixtures.bytes(Fixtures.wholeFile))
        await #expect(throws: HealthMonitorError.self) {
            try await harness.features.health.apply(hours: hours, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID)
        }
        #expect(await harness.features.health.status() == nil)
        await harness.stop()
    }

    @Test("0 stops the monitor")
    func stop() async throws {
        let harness = try await ScheduledHarness(discord: RecordingDiscordClient(), dataFile: try Fixtures.bytes(Fixtures.wholeFile))
        _ = try await harness.features.health.apply(hours: 0.016, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID)
        let answer = try await harness.features.health.apply(hours: 0, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID)
        #expect(answer.contains("Stopped"))
        #expect(await harness.features.health.status()?.isActive == false)
        await harness.stop()
    }

    @Test("A data file that cannot be read is reported, not a failed run")
    func unreadableData() async throws {
        let discord = RecordingDiscordClient()
        let harness = try await ScheduledHarness(discord: discord, dataFile: Array("[1,".utf8))
        _ = try await harness.features.health.apply(hours: 1, channelID: ScheduledHarness.channelID, setByUserID: ScheduledHarness.adminID)
        await harness.advance(by: .seconds(5))
        #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
        let text = Self.texts(discord.messages.first?.payload.components ?? []).joined(separator: "\n")
        #expect(text.contains("**Data file**: ⚠️"))
        await harness.stop()
    }

    @Test("RSS is read from /proc/self/status")
    func rss() {
        #expect(ProcessMemory.residentBytes(fromProcStatus: "Name:\tx\nVmRSS:\t   2048 kB\nVmData: 1 kB\n") == 2_097_152)
        #expect(ProcessMemory.residentBytes(fromProcStatus: "Name: x\n") == nil)
    }
}
