import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling
import Synchronization

/// What scheduled work (exports, the health report) shares: the one scheduler, Discord, the data
/// file, the state file, one webhook delivery path, the clock and metrics.
package struct ScheduledWorkContext: Sendable {
    package let engine: any ScheduleEngine
    package let discord: any DiscordClient
    package let dataStore: PlayerDataStore
    /// One validated snapshot of the data file shared by every run while the file is unchanged.
    package let snapshots: PlayerDataSnapshots
    package let stateStore: ServiceStateStore
    package let delivery: TemporaryWebhookDelivery
    /// Every wait (the webhook's 5-second cleanup) is on this clock.
    package let clock: any Clock<Duration>
    /// Wall-clock time for messages and status.
    package let now: @Sendable () -> Date
    package let packager: ExportPackager
    package let metrics: CastBotMetrics
    package let logger: Logger
    /// One machine or a replica of several: every difference between them is answered there.
    package let deployment: any Deployment

    /// - Parameters:
    ///   - applicationID: the bot's application id; webhooks it owns are swept before new ones are made.
    ///     When nil it is learnt from the first webhook the bot creates.
    ///   - webhookCleanupDelay: how long a temporary webhook lives after its last message (the seed's 5 s).
    package init(
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
        webhookCleanupDelay: Duration = .seconds(5),
        deployment: any Deployment = SingleMachine()
    ) {
        self.deployment = deployment
        self.engine = deployment.scheduleEngine(
            wrapping: engine,
            parts: DeploymentParts(discord: discord, applicationID: applicationID, clock: clock, metrics: metrics, logger: logger))
        self.discord = discord
        self.dataStore = dataStore
        snapshots = PlayerDataSnapshots(store: dataStore)
        self.stateStore = stateStore
        self.clock = clock
        self.now = now
        self.packager = packager
        self.metrics = metrics
        self.logger = logger
        delivery = TemporaryWebhookDelivery(
            discord: discord, applicationID: applicationID, clock: clock, cleanupDelay: webhookCleanupDelay, logger: logger,
            leftovers: deployment.webhookLeftovers, now: now)
    }
}

/// The scheduler as the service's features use it, without its clock type, so the export and
/// health services are not generic over the clock (the app runs a `Scheduler<ContinuousClock>`,
/// tests a `Scheduler<TestClock<Duration>>`).
package protocol ScheduleEngine: Sendable {
    @discardableResult
    func start(_ settings: ScheduleSettings, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    @discardableResult
    func restore(_ saved: ScheduleStatus, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    /// Adopts a status saved elsewhere, publishing no event (see `Scheduler.mirror`).
    @discardableResult
    func mirror(_ saved: ScheduleStatus, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    /// Runs one deadline of a schedule now, outside its timer (see `Scheduler.runSlot`).
    @discardableResult
    func runSlot(_ key: ScheduleKey, at slot: Date) -> Bool
    @discardableResult
    func stop(_ key: ScheduleKey, reason: String) -> ScheduleStatus?
    func status(_ key: ScheduleKey) -> ScheduleStatus?
    func statuses() -> [ScheduleStatus]
    func snapshot() -> SchedulerSnapshot
    func diagnostics() -> SchedulerDiagnostics
    func events(bufferingPolicy: AsyncStream<SchedulerEvent>.Continuation.BufferingPolicy) -> AsyncStream<SchedulerEvent>
}

extension Scheduler: ScheduleEngine {}

/// Set once; waiters return when it is set (or when their task is cancelled).
final class StartedSignal: Sendable {
    private let flag = Atomic(false)
    private let changed = WakeSignal()

    var isSet: Bool { flag.load(ordering: .acquiring) }

    func set() {
        flag.store(true, ordering: .releasing)
        changed.signal()
    }

    func wait() async {
        _ = await changed.wait(until: { isSet })
    }
}
