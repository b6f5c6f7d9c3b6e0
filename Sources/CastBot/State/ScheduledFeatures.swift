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
    private let started = StartedSignal()

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
        if work.deployment.savesScheduleView {
            await work.stateStore.saveSchedules(engine.statuses(), forgetting: report.cleared)
        }
        work.metrics.activeSchedules(engine.diagnostics().activeSchedules)
        ScheduleRestorer.logSummary(report, logger: work.logger)
        started.set()
        return report
    }

    /// True once `start()` has restored the saved schedules: `/healthz` answers "starting" until then.
    var isStarted: Bool { started.isSet }

    /// Returns once `start()` has restored the saved schedules, or when the waiting task is cancelled.
    public func waitUntilStarted() async {
        await started.wait()
    }

    /// The job of a schedule by its key's kind (an export or the health report); nil for a kind
    /// this version does not know.
    public func job(for status: ScheduleStatus) -> ScheduleJob? {
        if let scope = ExportScope(scheduleKey: status.key) { return exports.job(for: scope) }
        return status.key == HealthMonitorService.scheduleKey ? health.job : nil
    }

    /// Follows the scheduler's events until it shuts down.
    func runEventMonitor() async {
        await monitor.run()
    }

    /// Sends queued DMs until cancelled.
    func runNoticeOutbox() async {
        await outbox.run()
    }

    /// Writes finished runs' history rows within a second, until cancelled.
    func runHistoryFlusher() async {
        await work.stateStore.flushHistoryPeriodically(on: work.clock)
    }

    /// After the scheduler has shut down: delete webhooks still waiting for cleanup, save every
    /// schedule's row and the history rows still waiting.
    func finishShutdown() async {
        await work.delivery.cleanUpNow()
        if work.deployment.savesScheduleView {
            await work.stateStore.saveSchedules(work.engine.statuses())
        }
        await work.stateStore.flushHistory()
    }
}

/// Runs the scheduled features as a long-running service: the scheduler's loop, the event
/// monitor and the DM outbox. On graceful shutdown the scheduler stops starting runs, waits up to
/// `gracePeriod` for runs going on, then pending webhooks are deleted and the state saved.
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
        let gracePeriod = gracePeriod
        await withTaskGroup(of: Void.self) { events in
            // Never cancelled: it ends when the scheduler's shutdown ends the event stream, after
            // handling every event already sent (a stop's DM is queued, never dropped).
            events.addTask { await features.runEventMonitor() }
            await withTaskGroup(of: Void.self) { running in
                running.addTask { await scheduler.run() }
                // Keeps writing while runs finish in the grace; `finishShutdown` writes what is left.
                running.addTask { await features.runHistoryFlusher() }
                running.addTask {
                    await features.start()
                    // Started after the restore, so DMs queued before a restart go out once the
                    // service is up; stopped at graceful shutdown.
                    await cancelWhenGracefulShutdown { await features.runNoticeOutbox() }
                }
                try? await gracefulShutdown()
                // Also reached when the service group cancels us at the end of the shutdown grace:
                // then the scheduler cancels its runs at once.
                let report = await scheduler.shutdown(gracePeriod: gracePeriod)
                if report.cancelled > 0 {
                    features.work.logger.warning(
                        "graceful shutdown: scheduled runs still going were cut off",
                        metadata: ["cut_off": "\(report.cancelled)", "finished": "\(report.finished)"])
                }
                running.cancelAll()
            }
        }
        // A task of its own so that a cancelled shutdown still saves the state (a cancelled task's
        // database write would be refused); awaited, so it never outlives this service.
        await Task { await features.finishShutdown() }.value
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
    /// One machine or a replica of several: every difference between them is answered there.
    public let deployment: any Deployment

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
public protocol ScheduleEngine: Sendable {
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
    private struct State {
        var isSet = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    var isSet: Bool { state.withLock { $0.isSet } }

    func set() {
        let waiters = state.withLock { state in
            state.isSet = true
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.isSet || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
