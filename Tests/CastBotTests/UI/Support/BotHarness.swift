@testable import CastBot
import Clocks
import DiscordREST
import DiscordSandbox
import ExportFormat
import Foundation
import Logging
import PlayerData
import ServiceLifecycle
import CastBotTestSupport

/// The real interactions server on a loopback port (port 0), wired with the player data UI, a
/// Discord REST client pointed at a DiscordSandbox, and either recording fakes for the schedulers
/// or the real scheduled features on a test clock. Interactions are sent by the sandbox, signed
/// the way Discord signs them.
struct BotHarness: Sendable {
    enum Scheduling {
        /// `schedules` and `health` record what the UI asks for.
        case fakes
        /// `ExportScheduleService` and `HealthMonitorService` on a scheduler over `botClock`.
        case real
    }

    let sandbox: DiscordSandbox
    /// The sandbox's clock: its fault delays, rate-limit windows and link lifetimes.
    let sandboxClock: TestClock<Duration>
    let world: TestWorld
    let botURL: URL
    /// The router's deadline, the import plans' lifetime and (with real scheduling) the scheduler run on this clock.
    let botClock: TestClock<Duration>
    let router: InteractionRouter
    let store: PlayerDataStore
    let folder: TemporaryDirectory
    let schedules: RecordingExportSchedules
    let health: RecordingHealthMonitor
    let now: Date

    /// Runs `body` against a fresh bot and sandbox, with `dataFile` as `playerData.json`
    /// (the real 31-guild CastBot file unless said otherwise), and always tears them down.
    static func with(
        dataFile: [UInt8]? = nil,
        scheduling: Scheduling = .fakes,
        packager: ExportPackager = ExportPackager(),
        _ body: (BotHarness) async throws -> Void
    ) async throws {
        var logger = Logger.quiet("castbot-ui-tests")
        logger.logLevel = .warning
        let sandboxClock = TestClock<Duration>()
        let sandbox = DiscordSandbox(clock: sandboxClock, logger: logger)
        let apiBaseURL = try await sandbox.start(host: "127.0.0.1", port: 0)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        do {
            try folder.write(dataFile ?? Fixtures.bytes(Fixtures.wholeFile), to: "playerData.json")
            let world = try await TestWorld.build(in: sandbox)
            let configuration = CastBotConfiguration(
                applicationID: sandbox.configuration.applicationID, publicKey: try DiscordPublicKey(hex: sandbox.publicKeyHex),
                apiBaseURL: apiBaseURL.absoluteString, dataDirectory: folder.path, httpHost: "127.0.0.1", ownerIDs: [world.owner.id])
            let parts = Parts(
                sandbox: sandbox, sandboxClock: sandboxClock, world: world, configuration: configuration, folder: folder, packager: packager, logger: logger)
            try await parts.run(scheduling, body)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    /// What one harness is built from.
    private struct Parts {
        let sandbox: DiscordSandbox
        let sandboxClock: TestClock<Duration>
        let world: TestWorld
        let configuration: CastBotConfiguration
        let folder: TemporaryDirectory
        let packager: ExportPackager
        let logger: Logger

        func run(_ scheduling: Scheduling, _ body: (BotHarness) async throws -> Void) async throws {
            var configuration = configuration
            configuration.discordToken = DiscordToken(sandbox.configuration.botToken)
            let discord = HTTPDiscordClient.bot(configuration: configuration, logger: logger)
            let botClock = TestClock<Duration>()
            let now = Date(timeIntervalSince1970: 1_760_538_600)
            let schedules = RecordingExportSchedules()
            let health = RecordingHealthMonitor()
            let router: InteractionRouter
            let store: PlayerDataStore
            var services: [any Service] = []
            switch scheduling {
            case .fakes:
                store = PlayerDataStore(directory: folder.path)
                let followUps = DiscordFollowUpSender(client: discord, clock: botClock)
                var fakeRouter = InteractionRouter(followUps: followUps, clock: botClock)
                PlayerDataFeatures(
                    store: store, ownerIDs: configuration.ownerIDs, schedules: schedules, health: health, discord: discord,
                    applicationID: configuration.applicationID, followUps: followUps, packager: packager, clock: botClock, now: { now }
                ).install(on: &fakeRouter)
                router = fakeRouter
            case .real:
                let assembly = try await BotAssembly.make(
                    configuration: configuration, discord: discord, clock: botClock, interactionClock: botClock, now: { now },
                    packager: packager, logger: logger)
                router = assembly.router
                store = assembly.store
                services = assembly.scheduledServices
            }
            let bot = try await RunningBot.start(configuration: configuration, router: router, alongside: services, logger: logger)
            let harness = BotHarness(
                sandbox: sandbox, sandboxClock: sandboxClock, world: world, botURL: try requireValue(URL(string: bot.interactionsURL), "bad bot URL"),
                botClock: botClock, router: router, store: store, folder: folder, schedules: schedules, health: health, now: now)
            do {
                try await body(harness)
            } catch {
                await bot.stop()
                throw error
            }
            await bot.stop()
        }
    }

    /// Sends an interaction as `user` in `channel` (the exports channel by default).
    func send(
        _ kind: SandboxInteractionKind, as user: SandboxUser, in channel: SandboxChannel? = nil,
        signing: SandboxSignatureMode = .valid
    ) async throws -> SandboxInteractionDelivery {
        try await sandbox.sendInteraction(kind, channelID: (channel ?? world.exports).id, userID: user.id, to: botURL, signing: signing)
    }

    /// Waits until every deferred reply and follow-up the router started has finished.
    func settle() async {
        await router.finishPendingWork()
    }

    /// The message that answered an interaction (after `settle()` for deferred ones).
    func originalMessage(of delivery: SandboxInteractionDelivery) async throws -> SandboxMessage {
        let id = try requireValue(delivery.interaction?.id, "the delivery has no interaction")
        let log = try requireValue(await sandbox.interactionLog(id: id), "the sandbox has no log of \(id)")
        let messageID = try requireValue(log.originalMessageID, "interaction \(id) has no original message")
        return try requireValue(await sandbox.message(id: messageID), "message \(messageID) is gone")
    }

    func dataFileBytes() throws -> [UInt8] {
        try folder.read("playerData.json")
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func requireValue<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw HarnessFailure(message) }
    return value
}
