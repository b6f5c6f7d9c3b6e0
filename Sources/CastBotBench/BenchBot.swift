import CastBot
import CastBotSandbox
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData

/// The bot as `castbot serve` runs it in sandbox mode, inside this process: DiscordSandbox on
/// loopback with its demo world, a data folder, the production interaction handler talking to
/// the sandbox over REST, and the HTTP application listening on a free loopback port.
package final class BenchBot: Sendable {
    package let session: SandboxSession
    package let server: LoopbackInteractionServer
    /// As `castbot serve` would hold it in sandbox mode.
    package let configuration: CastBotConfiguration
    /// The bot's REST client, pointed at the sandbox.
    package let discord: any DiscordClient

    package var dataDirectory: String { configuration.dataDirectory }

    package var sandbox: DiscordSandbox { session.sandbox }
    package var world: SandboxDemoWorld { session.world }

    private init(session: SandboxSession, server: LoopbackInteractionServer, configuration: CastBotConfiguration, discord: any DiscordClient) {
        self.session = session
        self.server = server
        self.configuration = configuration
        self.discord = discord
    }

    /// - Parameter dataDirectory: the folder holding `playerData.json`; it gets the built-in
    ///   sample data file when it has none.
    package static func start(
        dataDirectory: String,
        logger: Logger = Logger(label: "castbot.bench", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> BenchBot {
        let session = try await SandboxMode.start(port: 0, logger: logger)
        do {
            _ = try SandboxMode.seedDataFileIfMissing(directory: dataDirectory)
            var configuration = CastBotConfiguration(dataDirectory: dataDirectory, httpHost: "127.0.0.1", httpPort: 0)
            SandboxMode.configure(&configuration, for: session)
            let discord = HTTPDiscordClient.bot(configuration: configuration, logger: logger)
            // The handler `castbot serve` builds; its scheduler loop is not run, so only the
            // interaction path is measured.
            let bot = try await BotAssembly.make(
                configuration: configuration, discord: discord, clock: ContinuousClock(),
                interactionClock: ContinuousClock(), logger: logger)
            let server = try await LoopbackInteractionServer.start(
                handler: bot.router,
                configuration: configuration, logger: logger)
            return BenchBot(session: session, server: server, configuration: configuration, discord: discord)
        } catch {
            await session.sandbox.stop()
            throw error
        }
    }

    package func stop() async throws {
        do {
            try await server.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}
