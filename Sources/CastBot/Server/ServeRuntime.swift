import Crypto
import Logging
public import Prometheus
import ServiceLifecycle

/// What `castbot serve` runs once configuration, logging and metrics are set up: builds the
/// interaction router, the application and the service group, and runs until SIGTERM/SIGINT.
public struct ServeRuntime: Sendable {
    public let configuration: CastBotConfiguration
    public let registry: PrometheusCollectorRegistry
    public let logger: Logger

    public init(configuration: CastBotConfiguration, registry: PrometheusCollectorRegistry, logger: Logger = Logger(label: "castbot")) {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
    }

    /// Returns after a graceful shutdown; throws if a service failed.
    public func run() async throws {
        var configuration = configuration
        logger.info("starting CastBot \(CastBotVersion.current)", metadata: ["configuration": "\(configuration)"])

        // Long-running services started beside the HTTP application (scheduler, state saver,
        // DiscordSandbox in sandbox mode) are appended here.
        let services: [any Service] = []
        let shutdownHooks = ShutdownHooks()

        if configuration.isSandbox {
            // Sandbox seam: DiscordSandbox will sign interactions with this key and run as one of `services`.
            let sandboxSigningKey = Curve25519.Signing.PrivateKey()
            if configuration.publicKey == nil {
                configuration.publicKey = DiscordPublicKey(sandboxSigningKey.publicKey)
            }
            logger.notice("sandbox mode: DISCORD_TOKEN is unset, nothing is sent to Discord")
        }

        // Until the Discord client is wired in, late replies are logged rather than delivered.
        let followUps = UndeliveredFollowUpSender(logger: logger)
        // Feature handlers (menu, modals, exports) register their routes on this router.
        let router = InteractionRouter(followUps: followUps)

        let dependencies = ApplicationDependencies(
            interactionHandler: router,
            prometheusRegistry: registry,
            logger: logger,
            shutdownHooks: shutdownHooks
        )
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: services,
            shutdownPolicy: dependencies.shutdownPolicy,
            logger: logger
        )
        try await group.run()
        logger.info("stopped")
    }
}
