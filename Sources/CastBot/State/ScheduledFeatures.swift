import DiscordModels
public import DiscordREST
public import Foundation
public import Logging
public import PlayerData
public import Scheduling
import ServiceLifecycle
import Synchronization

/// The scheduled side of the service, assembled over one scheduler: export schedules, the health
/// monitor, the event monitor (DMs, state saves, gauge) and the state file.
///
/// Startup order matters and is kept here: restore saved schedules from the state as loaded, then
/// let saves include the scheduler's snapshot (so a save never overwrites saved schedules before
/// they were restored).
public final class ScheduledFeatures: Sendable {
    public let work: ScheduledWorkContext
    public let exports: ExportScheduleService
    public let health: HealthMonitorService
    private let monitor: ScheduleEventMonitor
    let outbox: AdminNoticeOutbox
    private let started = Mutex(false)

    /// - Parameter startedAt: when the service started, for the health report's uptime.
    public init(work: ScheduledWorkContext, startedAt: Date) {
        self.work = work
        // Subscribes to the scheduler's events now, before any schedule starts.
        monitor = ScheduleEventMonitor(work: work)
        outbox = AdminNoticeOutbox(work: work)
        exports = ExportScheduleService(work: work)
        health = HealthMonitorService(work: work, startedAt: startedAt)
    }

    /// Brings back saved schedules by their restart policy and logs the cleared ones. Call once at
    /// startup; the scheduler loop may already run.
    @discardableResult
    public func start() async -> ScheduleRestoreReport {
        var report = await exports.restoreSavedSchedules()
        report.merge(await health.restoreSavedSchedule())
        let engine = work.engine
        // In a cluster the database already holds what was restored, and other replicas may have
        // written fresher rows since it was read: nothing to save.
        if work.cluster == nil {
            await work.stateStore.saveSchedules(engine.statuses(), forgetting: report.cleared)
        }
        work.metrics.activeSchedules(engine.diagnostics().activeSchedules)
        if !report.cleared.isEmpty {
            work.logger.notice(
                "schedules cleared by the restart (restart policy clear); their settings are kept for the modal",
                metadata: ["cleared": "\(report.cleared.map(\.rawValue))"])
        }
        started.withLock { $0 = true }
        return report
    }

    /// True once `start()` has restored the saved schedules: `/healthz` answers "starting" until then.
    var isStarted: Bool { started.withLock { $0 } }

    /// Follows the scheduler's events until it shuts down.
    func runEventMonitor() async {
        await monitor.run()
    }

    /// Cluster mode: follows the other replicas and picks up runs dead replicas left, until
    /// cancelled. Returns at once on a single machine.
    func runClusterReplica() async {
        guard let engine = work.engine as? ClusteredScheduleEngine else { return }
        let exports = exports
        let healthJob = health.job
        let replica = ClusterReplica(cluster: engine.cluster, engine: engine, work: work) { status in
            if let scope = ExportScope(scheduleKey: status.key) { return exports.job(for: scope) }
            return status.key == HealthMonitorService.scheduleKey ? healthJob : nil
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await replica.followChanges() }
            group.addTask { await replica.sweepExpiredRuns() }
        }
        // Unstructured: this task is cancelled by now, and the others should not wait for this
        // replica's row to age out before taking its share of the limits.
        await Task { await engine.cluster.leave() }.value
    }

    /// Sends queued DMs until cancelled.
    func runNoticeOutbox() async {
        await outbox.run()
    }

    /// After the scheduler has shut down: delete webhooks still waiting for cleanup, save every
    /// schedule's row.
    func finishShutdown() async {
        await work.delivery.cleanUpNow()
        // Each row was written when it changed; in a cluster a save of this replica's view
        // could overwrite rows other replicas wrote since.
        if work.cluster == nil {
            await work.stateStore.saveSchedules(work.engine.statuses())
        }
    }
}

/// Runs the scheduled features as a long-running service: the scheduler's loop and the event
/// monitor. On graceful shutdown the scheduler stops starting runs, waits up to `gracePeriod` for
/// runs going on, then pending webhooks are deleted and the state saved.
struct ScheduledFeaturesService<C: Clock>: Service where C.Duration == Duration {
    let scheduler: Scheduler<C>
    let features: ScheduledFeatures
    let gracePeriod: Duration

    init(scheduler: Scheduler<C>, features: ScheduledFeatures, gracePeriod: Duration) {
        self.scheduler = scheduler
        self.features = features
        self.gracePeriod = gracePeriod
    }

    func run() async throws {
        let scheduler = scheduler
        let features = features
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await scheduler.run() }
            // Not cancelled: it ends when the scheduler's shutdown ends the event stream, after
            // handling every event already sent (a stop's DM is queued, never dropped).
            let monitor = Task { await features.runEventMonitor() }
            await features.start()
            // Started after the restore, so DMs queued before a restart go out once the service is up.
            let outbox = Task { await features.runNoticeOutbox() }
            let replica = Task { await features.runClusterReplica() }
            try? await gracefulShutdown()
            outbox.cancel()
            replica.cancel()
            // Also reached when the service group cancels us at the end of the shutdown grace:
            // then the scheduler cancels its runs at once.
            let report = await scheduler.shutdown(gracePeriod: gracePeriod)
            if report.cancelled > 0 {
                features.work.logger.warning(
                    "graceful shutdown: scheduled runs still going were cut off",
                    metadata: ["cut_off": "\(report.cancelled)", "finished": "\(report.finished)"])
            }
            group.cancelAll()
            await group.waitForAll()
            await monitor.value
            await outbox.value
            await replica.value
            // Unstructured so that a cancelled shutdown still saves the state (a cancelled task's
            // database write would be refused).
            await Task { await features.finishShutdown() }.value
        }
    }
}

/// What scheduled work (exports, the health report) shares: the one scheduler, Discord, the data
/// file, the state file, one webhook delivery path, the clock and metrics.
public struct ScheduledWorkContext: Sendable {
    public let engine: any ScheduleEngine
    public let discord: any DiscordClient
    public let dataStore: PlayerDataStore
    /// One validated snapshot of the data file shared by every run while the file is unchanged.
    public let snapshots: PlayerDataSnapshots
    public let stateStore: ServiceStateStore
    public let delivery: TemporaryWebhookDelivery
    /// Every wait (the webhook's 5-second cleanup) is on this clock.
    public let clock: any Clock<Duration>
    /// Wall-clock time for messages and status.
    public let now: @Sendable () -> Date
    public let packager: ExportPackager
    public let metrics: CastBotMetrics
    public let logger: Logger
    /// Cluster mode's shared database (DESIGN §11); nil on a single machine.
    public let cluster: (any ClusterCoordination)?

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
        webhookCleanupDelay: Duration = .seconds(5),
        cluster: (any ClusterCoordination)? = nil
    ) {
        self.cluster = cluster
        self.engine = cluster.map {
            ClusteredScheduleEngine(inner: engine, cluster: $0, clock: clock, discord: discord, metrics: metrics, logger: logger)
        } ?? engine
        self.discord = discord
        self.dataStore = dataStore
        snapshots = PlayerDataSnapshots(store: dataStore)
        self.stateStore = stateStore
        self.clock = clock
        self.now = now
        self.packager = packager
        self.metrics = metrics
        self.logger = logger
        var leftoversMadeBefore: (@Sendable () -> DiscordModels.Snowflake)?
        if cluster != nil {
            let age = Self.clusterLeftoverAge
            leftoversMadeBefore = { DiscordModels.Snowflake(earliestAt: now().addingTimeInterval(-age)) }
        }
        delivery = TemporaryWebhookDelivery(
            discord: discord, applicationID: applicationID, clock: clock, cleanupDelay: webhookCleanupDelay, logger: logger,
            clusterLeftoversMadeBefore: leftoversMadeBefore)
    }
}

extension ScheduledWorkContext {
    /// In a cluster, a webhook of ours this old is a leftover: older than a run may last
    /// (15 minutes) plus its cleanup, so no replica is still using it.
    static let clusterLeftoverAge: TimeInterval = 20 * 60

    /// Cluster mode: why a schedule cannot be changed now (the database does not answer, so the
    /// change could not be saved nor reach the other replicas); nil when it can.
    func scheduleChangeRefusal() async -> String? {
        guard let cluster, let problem = await cluster.databaseProblem() else { return nil }
        return "the cluster's database is unreachable (\(problem)), so the change could not be saved for the other replicas. Try again in a minute."
    }
}

/// The scheduler as the service's features use it, without its clock type, so the export and
/// health services are not generic over the clock (the app runs a `Scheduler<ContinuousClock>`,
/// tests a `Scheduler<TestClock<Duration>>`).
public protocol ScheduleEngine: Sendable {
    @discardableResult
    func start(_ settings: ScheduleSettings, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    @discardableResult
    func restore(_ saved: ScheduleStatus, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    /// Adopts a status another replica saved, publishing no event (cluster mode).
    @discardableResult
    func mirror(_ saved: ScheduleStatus, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    @discardableResult
    func stop(_ key: ScheduleKey, reason: String) -> ScheduleStatus?
    func status(_ key: ScheduleKey) -> ScheduleStatus?
    func statuses() -> [ScheduleStatus]
    func snapshot() -> SchedulerSnapshot
    func diagnostics() -> SchedulerDiagnostics
    func events(bufferingPolicy: AsyncStream<SchedulerEvent>.Continuation.BufferingPolicy) -> AsyncStream<SchedulerEvent>
}

extension Scheduler: ScheduleEngine {}
