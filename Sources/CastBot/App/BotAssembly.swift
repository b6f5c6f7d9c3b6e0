import DiscordREST
import ExportEncryption
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling
import ServiceLifecycle

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
    package var backupHealth: BackupHealthSource { BackupHealthSource(work: scheduled.work) }
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
