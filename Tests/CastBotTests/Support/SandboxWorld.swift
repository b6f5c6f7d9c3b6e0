import CastBotTestSupport
@testable import CastBot
import Clocks
import DiscordREST
import DiscordSandbox
import ExportFormat
import Foundation
import Logging

/// DiscordSandbox on loopback with its demo world (the same guild, channel and admin ids as
/// `ScheduledHarness`), and the real `HTTPDiscordClient` pointed at it. The client waits (rate
/// limits, backoff) on the test clock that also drives the scheduler.
struct SandboxWorld {
    let sandbox: DiscordSandbox
    let client: HTTPDiscordClient
    let clock: TestClock<Duration>

    static func with(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxWorld) async throws -> Void
    ) async throws {
        var logger = Logger.quiet("castbot-e2e")
        logger.logLevel = .critical
        let sandbox = DiscordSandbox(configuration: configuration, logger: logger)
        let baseURL = try await sandbox.start(host: "127.0.0.1", port: 0)
        do {
            let world = try await sandbox.seedDemoWorld()
            precondition(world.channel.id == ScheduledHarness.channelID && world.admin.id == ScheduledHarness.adminID)
            var clientConfiguration = HTTPDiscordClientConfiguration()
            clientConfiguration.baseURL = baseURL.absoluteString
            let clock = TestClock<Duration>()
            let client = HTTPDiscordClient(
                token: DiscordToken(configuration.botToken), configuration: clientConfiguration, clock: clock, logger: logger,
                random: { 1 })
            try await body(SandboxWorld(sandbox: sandbox, client: client, clock: clock))
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    func harness(
        dataFile: [UInt8], packager: ExportPackager = ExportPackager(), metrics: CastBotMetrics = CastBotMetrics()
    ) async throws -> ScheduledHarness {
        try await ScheduledHarness(
            discord: client, dataFile: dataFile, packager: packager, applicationID: sandbox.configuration.applicationID,
            clock: clock, metrics: metrics)
    }

    var channelID: String { ScheduledHarness.channelID }

    func messages() async -> [SandboxMessage] {
        await sandbox.messages(inChannel: channelID)
    }

    func directMessages() async -> [SandboxMessage] {
        await sandbox.directMessages(toUser: ScheduledHarness.adminID)
    }

    func requests(_ route: String) async -> [SandboxRecordedRequest] {
        (try? await sandbox.recordedRequests(matching: route)) ?? []
    }
}
