import DiscordSandbox
import Foundation
import Logging
import PlayerData
public import Prometheus
import ServiceLifecycle

/// What `castbot serve` runs once configuration, logging and metrics are set up: builds the
/// interaction router, the application and the service group, and runs until SIGTERM/SIGINT.
public struct ServeRuntime: Sendable {
    public let configuration: CastBotConfiguration
    public let registry: PrometheusCollectorRegistry
    public let logger: Logger
    /// Where DiscordSandbox listens in sandbox mode (`CASTBOT_SANDBOX_PORT`).
    public let sandboxPort: Int

    public init(
        configuration: CastBotConfiguration,
        registry: PrometheusCollectorRegistry,
        logger: Logger = Logger(label: "castbot"),
        sandboxPort: Int = SandboxMode.defaultPort
    ) {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.sandboxPort = sandboxPort
    }

    /// Returns after a graceful shutdown; throws if a service failed.
    public func run() async throws {
        var configuration = configuration

        var sandbox: SandboxSession?
        var seededDataFile: String?
        if configuration.isSandbox {
            let session = try await SandboxMode.start(port: sandboxPort, logger: logger)
            SandboxMode.configure(&configuration, for: session)
            seededDataFile = try SandboxMode.seedDataFileIfMissing(directory: configuration.dataDirectory)
            sandbox = session
            logger.notice(
                "sandbox mode: DISCORD_TOKEN is unset, nothing is sent to Discord",
                metadata: ["sandbox": "\(session.apiBaseURL.absoluteString)"])
        }
        // Logged once sandbox mode has filled in its API address and key, so it shows what is used.
        logger.info("starting CastBot \(CastBotVersion.current)", metadata: ["configuration": "\(configuration)"])

        do {
            try await serve(configuration: configuration, sandbox: sandbox, seededDataFile: seededDataFile)
        } catch {
            await sandbox?.sandbox.stop()
            throw error
        }
        await sandbox?.sandbox.stop()
        logger.info("stopped")
    }

    private func serve(configuration: CastBotConfiguration, sandbox: SandboxSession?, seededDataFile: String?) async throws {
        let discord = DiscordConnection.client(configuration: configuration, sandbox: sandbox, logger: logger)
        let bot = BotAssembly.make(
            configuration: configuration, discord: discord, clock: ContinuousClock(), interactionClock: ContinuousClock(),
            logger: logger)

        let httpHost = configuration.httpHost
        let dataPath = bot.store.dataPath
        let dependencies = ApplicationDependencies(
            interactionHandler: bot.router,
            prometheusRegistry: registry,
            logger: logger,
            activeSchedules: bot.activeSchedules,
            onServerRunning: { port in
                guard let sandbox else { return }
                let guide = SandboxGuide.text(
                    session: sandbox, httpHost: httpHost, httpPort: port, dataPath: dataPath, seeded: seededDataFile != nil)
                FileHandle.standardOutput.write(Data(guide.utf8))
            }
        )
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: [bot.scheduledService],
            shutdownPolicy: dependencies.shutdownPolicy,
            logger: logger
        )
        try await group.run()
    }
}
