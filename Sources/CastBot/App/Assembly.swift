import DiscordREST
import ExportEncryption
import ExportFormat
import Foundation
import HTTPConnectionGuard
import Hummingbird
import Logging
import PlayerData
import Prometheus
import Scheduling
import ServiceLifecycle
import Synchronization
import UnixSignals

// How `castbot serve` is put together, read top to bottom: the bot's parts (`BotAssembly`), the
// applications and the service group they run in (`ServeRuntime`), and the group's order
// (`CastBotServices`): services start in the order listed and shut down in reverse.

/// The bot's working parts, wired once at startup: the scheduler with the export and health
/// features, and the interaction router carrying the player data UI. `ServeRuntime` runs them;
/// tests assemble them over a sandbox and a test clock.
package struct BotAssembly: Sendable {
    package let router: InteractionRouter
    package let store: PlayerDataStore
    package let scheduled: ScheduledFeatures
    /// The scheduler's loop and event monitor, then the deployment's own work (shut down before
    /// the scheduler); run them beside the HTTP application, in this order.
    let scheduledServices: [any Service]
    /// For `/healthz`: the deployment's storage check, if it has one.
    let storageCheck: (@Sendable () async -> String?)?
    /// Active schedules, for `/healthz` and the gauge.
    package let activeSchedules: @Sendable () -> Int
    /// Whether saved schedules have been restored: `/healthz` is 503 "starting" until then.
    /// What `/metrics` and `/status` report about the schedules' backups.
    package var backupHealth: BackupHealthSource { BackupHealthSource(
            engine: scheduled.work.engine, stateStore: scheduled.work.stateStore, snapshots: scheduled.work.snapshots, now: scheduled.work.now) }
    package var isReady: @Sendable () -> Bool {
        let scheduled = scheduled
        return { scheduled.isStarted }
    }

    /// - Parameters:
    ///   - clock: the scheduler's and the webhook cleanup's clock.
    ///   - interactionClock: the router's reply deadline and import plan lifetimes.
    ///   - now: wall-clock time for messages, exports and status.
    ///   - metrics: where export runs are counted (the process-wide factory unless a test passes its own).
    package static func make<C: Clock>(
        configuration: CastBotConfiguration,
        discord: any DiscordClient,
        clock: C,
        interactionClock: any Clock<Duration>,
        now: @escaping @Sendable () -> Date = { Date() },
        packager: ExportPackager = ExportPackager(),
        importLimits: ImportLimits = ImportLimits(),
        metrics: CastBotMetrics = CastBotMetrics(),
        deployment: any Deployment = SingleMachine(),
        logger: Logger
    ) async throws -> BotAssembly where C.Duration == Duration {
        var packager = packager
        if packager.sealer == nil, !configuration.exportRecipients.isEmpty {
            packager.sealer = try ExportSealer(recipients: configuration.exportRecipients)
        }
        let store = PlayerDataStore(directory: configuration.dataDirectory, upstream: deployment.playerDataUpstream)
        let scheduler = Scheduler(clock: clock, logger: logger, wallClock: now)
        let stateStore = try await deployment.openStateStore(dataDirectory: configuration.dataDirectory, logger: logger)
        let work = ScheduledWorkContext(
            engine: scheduler, discord: discord, dataStore: store, stateStore: stateStore,
            applicationID: configuration.applicationID, clock: clock, now: now, packager: packager, metrics: metrics, logger: logger,
            deployment: deployment)
        try await deployment.prepare(work)
        let scheduled = ScheduledFeatures(work: work, startedAt: now())

        let followUps = DiscordFollowUpSender(client: discord, clock: interactionClock)
        var router = InteractionRouter(followUps: followUps, clock: interactionClock)
        PlayerDataFeatures(
            store: store, snapshots: work.snapshots, ownerIDs: configuration.ownerIDs, schedules: scheduled.exports, health: scheduled.health,
            discord: discord, applicationID: configuration.applicationID, followUps: followUps, packager: packager,
            importLimits: importLimits, clock: interactionClock,
            now: now
        ).install(on: &router)

        return BotAssembly(
            router: router, store: store, scheduled: scheduled,
            scheduledServices: [ScheduledFeaturesService(scheduler: scheduler, features: scheduled, gracePeriod: configuration.shutdownGrace)]
                + deployment.services(for: scheduled),
            storageCheck: deployment.storageCheck,
            activeSchedules: { scheduler.diagnostics().activeSchedules })
    }
}

extension HTTPDiscordClient {
    /// The bot's Discord REST client at the configured API base URL with the configured token.
    package static func bot(configuration: CastBotConfiguration, logger: Logger) -> HTTPDiscordClient {
        var settings = HTTPDiscordClientConfiguration()
        settings.baseURL = configuration.apiBaseURL
        settings.version = CastBotVersion.current
        var restLogger = logger
        restLogger[metadataKey: "component"] = "discord-rest"
        return HTTPDiscordClient(token: configuration.discordToken, configuration: settings, logger: restLogger)
    }
}

/// What `castbot serve` runs once configuration, logging and metrics are set up: builds the bot,
/// the application and the service group, and runs until SIGTERM/SIGINT. It talks to whatever
/// Discord the configuration names (the real API, or a stand-in in sandbox mode).
package struct ServeRuntime: Sendable {
    package let configuration: CastBotConfiguration
    package let registry: PrometheusCollectorRegistry
    package let logger: Logger
    /// Called with the bound port once the interactions server listens.
    package let onServerRunning: @Sendable (Int) async -> Void
    /// Called with the bound port once the admin listener (`/status`) listens, when configured.
    package let onAdminServerRunning: @Sendable (Int) async -> Void
    /// Signals that start graceful shutdown; tests use one nothing else in the process listens to.
    package let gracefulShutdownSignals: [UnixSignal]
    /// One machine, or a replica of a cluster (when `CASTBOT_DATABASE_URL` is set, opened by the caller).
    package let deployment: any Deployment

    package init(
        configuration: CastBotConfiguration,
        registry: PrometheusCollectorRegistry,
        logger: Logger = Logger(label: "castbot"),
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        deployment: any Deployment = SingleMachine(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onAdminServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.onAdminServerRunning = onAdminServerRunning
        self.deployment = deployment
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.gracefulShutdownSignals = gracefulShutdownSignals
        self.onServerRunning = onServerRunning
    }

    /// Takes the data folder for this process (one `serve` per folder), before anything in it is
    /// read or written. Throws `PlayerDataError.dataFolderInUse` naming the running process.
    package static func lockDataFolder(_ configuration: CastBotConfiguration) throws -> DataFolderLock {
        try DataFolderLock.acquire(directory: configuration.dataDirectory)
    }

    /// Returns after a graceful shutdown; throws if a service failed, or at once if another
    /// process serves the same data folder. `folderLock` is the lock taken earlier by a caller that
    /// had to touch the folder first (sandbox mode seeds it); without one, `run` takes it.
    package func run(holding folderLock: DataFolderLock? = nil) async throws {
        let folderLock = try folderLock ?? Self.lockDataFolder(configuration)
        defer { folderLock.release() }
        logger.info("starting CastBot \(CastBotVersion.current)", metadata: ["configuration": "\(configuration)"])
        let bot = try await BotAssembly.make(
            configuration: configuration, discord: HTTPDiscordClient.bot(configuration: configuration, logger: logger),
            clock: ContinuousClock(), interactionClock: ContinuousClock(), deployment: deployment, logger: logger)
        let listening = ListeningFlag()
        let adminListening = ListeningFlag()
        let connections = HTTPConnectionGauge()
        let onServerRunning = onServerRunning
        let onAdminServerRunning = onAdminServerRunning
        let dependencies = ApplicationDependencies(
            interactionHandler: bot.router,
            prometheusRegistry: registry,
            logger: logger,
            activeSchedules: bot.activeSchedules,
            isReady: bot.isReady,
            followUpDrainTimeout: configuration.shutdownGrace,
            connectionGauge: connections,
            onServerRunning: { port in
                listening.set()
                await onServerRunning(port)
            },
            backupHealth: bot.backupHealth,
            onAdminServerRunning: { port in
                adminListening.set()
                await onAdminServerRunning(port)
            },
            databaseProblem: bot.storageCheck
        )
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        // Listed after the scheduler: shutdown stops it right after the interactions server.
        var admin: [any Service] = []
        if let address = configuration.adminAddress {
            admin.append(buildAdminApplication(at: address, backupHealth: bot.backupHealth, configuration: configuration, dependencies: dependencies))
        }
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: bot.scheduledServices + admin,
            gracefulShutdownSignals: gracefulShutdownSignals,
            grace: configuration.shutdownGrace,
            logger: logger
        )
        do {
            try await group.run()
        } catch {
            try Self.explainListenFailure(
                error, configuration: configuration, interactionsListening: listening.isSet,
                adminListening: configuration.adminAddress == nil || adminListening.isSet)
        }
        // Non-zero open connections here were cut off when the grace ran out.
        logger.info(
            "stopped",
            metadata: [
                "connections_cut_off": "\(connections.openConnections)",
                "connections_turned_away": "\(connections.rejectedConnections)",
                "connections_timed_out": "\(connections.timedOutConnections)",
            ])
    }
}

extension ServeRuntime {
    /// A failure before a listener was up is most often a taken port: say which address and which
    /// setting moves it. Otherwise rethrows `error` as it is.
    static func explainListenFailure(
        _ error: any Error, configuration: CastBotConfiguration, interactionsListening: Bool, adminListening: Bool
    ) throws -> Never {
        let interactions = "the interactions server (\(configuration.httpHost):\(configuration.httpPort))"
        let interactionsSettings = "\(ConfigurationKey.httpPort.rawValue) or \(ConfigurationKey.httpHost.rawValue)"
        let admin = "the admin listener (\(configuration.adminAddress?.description ?? ""))"
        let adminSetting = ConfigurationKey.adminAddress.rawValue
        switch (interactionsListening, adminListening) {
        case (true, true): throw error
        case (false, true):
            throw ServeError("the interactions server could not listen on \(configuration.httpHost):\(configuration.httpPort): \(ListenCheck.reason(error)). Set \(interactionsSettings) to a free address")
        case (true, false):
            throw ServeError("\(admin) could not listen: \(ListenCheck.reason(error)). Set \(adminSetting) to a free address")
        case (false, false):
            throw ServeError("\(interactions) or \(admin) could not listen: \(ListenCheck.reason(error)). Set \(interactionsSettings), or \(adminSetting), to a free address")
        }
    }
}

/// `castbot serve` could not start; the description says what to change.
package struct ServeError: Error, Sendable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// Set once the HTTP server listens, so a failure before that can be reported as a listen failure.
private final class ListeningFlag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// The process's service group: the application plus the other long-running services
/// (the scheduler…), shut down gracefully on SIGTERM or SIGINT.
///
/// ServiceLifecycle shuts services down in reverse order, so the application is listed last: it
/// stops taking interactions first, and its follow-up drain (`FollowUpDrainService`) finishes the
/// interactions answered "deferred" while the scheduler still runs; then the scheduler stops.
///
/// One budget bounds the whole shutdown: `grace` (`CASTBOT_SHUTDOWN_GRACE_SECONDS`, 10 s by
/// default). The follow-up drain and the scheduler's grace period are each given `grace` too, but
/// the group cancels whatever is still running once `grace` has passed since the signal, so the
/// phases share it rather than add up. Cancelled services still finish quickly: the server closes
/// its connections, the drain and the scheduler log what they cut off, and the state is saved.
/// Stalled HTTP connections never hold shutdown up to `grace`: their read deadline closes them.
package enum CastBotServices {
    package static func serviceGroup(
        application: some ApplicationProtocol,
        alongside services: [any Service],
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        grace: Duration = CastBotConfiguration.defaultShutdownGrace,
        logger: Logger
    ) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(
            services: services + [application],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = grace
        return ServiceGroup(configuration: configuration)
    }
}
