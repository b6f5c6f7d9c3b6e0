public import DiscordREST
public import Foundation
public import Logging
public import PlayerData

/// What scheduled work (exports, the health report) shares: the one scheduler, Discord, the data
/// file, the state file, one webhook delivery path, the clock and metrics.
public struct ScheduledWorkContext: Sendable {
    public let engine: any ScheduleEngine
    public let discord: any DiscordClient
    public let dataStore: PlayerDataStore
    public let stateStore: ServiceStateStore
    public let delivery: TemporaryWebhookDelivery
    /// Every wait (the webhook's 5-second cleanup) is on this clock.
    public let clock: any Clock<Duration>
    /// Wall-clock time for messages and status.
    public let now: @Sendable () -> Date
    public let packager: ExportPackager
    public let metrics: CastBotMetrics
    public let logger: Logger

    /// - Parameters:
    ///   - applicationID: the bot's application id; webhooks it owns are swept before new ones are made.
    ///     When nil it is learnt from the first webhook the bot creates.
    ///   - webhookCleanupDelay: how long a temporary webhook lives after its last message (the seed's 5 s).
    public init(
        engine: any ScheduleEngine,
        discord: any DiscordClient,
        dataStore: PlayerDataStore,
        stateStore: ServiceStateStore,
        applicationID: String?,
        clock: any Clock<Duration>,
        now: @escaping @Sendable () -> Date,
        packager: ExportPackager = ExportPackager(),
        metrics: CastBotMetrics = CastBotMetrics(),
        logger: Logger,
        webhookCleanupDelay: Duration = .seconds(5)
    ) {
        self.engine = engine
        self.discord = discord
        self.dataStore = dataStore
        self.stateStore = stateStore
        self.clock = clock
        self.now = now
        self.packager = packager
        self.metrics = metrics
        self.logger = logger
        delivery = TemporaryWebhookDelivery(
            discord: discord, applicationID: applicationID, clock: clock, cleanupDelay: webhookCleanupDelay, logger: logger)
    }
}
