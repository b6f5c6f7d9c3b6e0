import DiscordModels
import DiscordREST
import Foundation
import Logging
import PlayerData
import Scheduling
import ServiceLifecycle
import Synchronization

/// The scheduled side of the service, assembled over one scheduler: export schedules, the health
/// monitor, the event monitor (DMs, state saves, gauge) and the state file.
///
/// Startup order matters and is kept here: restore saved schedules from the state as loaded, then
/// let saves include the scheduler's snapshot (so a save never overwrites saved schedules before
/// they were restored).
package final class ScheduledFeatures: ScheduledJobs {
    package let work: ScheduledWorkContext
    package let exports: ExportScheduleService
    package let health: HealthMonitorService
    private let monitor: ScheduleEventMonitor
    let outbox: AdminNoticeOutbox
    private let started = StartedSignal()

    /// - Parameter startedAt: when the service started, for the health report's uptime.
    package init(work: ScheduledWorkContext, startedAt: Date) {
        self.work = work
        // Subscribes to the scheduler's events now, before any schedule starts.
        monitor = ScheduleEventMonitor(engine: work.engine, stateStore: work.stateStore, logger: work.logger)
        outbox = AdminNoticeOutbox(store: work.stateStore, discord: work.discord, clock: work.clock, now: work.now, logger: work.logger)
        exports = ExportScheduleService(work: work)
        health = HealthMonitorService(work: work, startedAt: startedAt)
    }

    /// Brings back saved schedules by their restart policy and logs the cleared ones. Call once at
    /// startup; the scheduler loop may already run.
    @discardableResult
    package func start() async -> ScheduleRestoreReport {
        // Read before the restore forgets the cleared schedules: their channels may hold
        // leftovers too.
        let savedChannels = (await work.stateStore.current().schedules?.schedules ?? []).compactMap {
            DiscordModels.Snowflake($0.info.channelID)
        }
        var report = await exports.restoreSavedSchedules()
        report.merge(await health.restoreSavedSchedule())
        let engine = work.engine
        if work.deployment.savesScheduleView {
            await work.stateStore.saveSchedules(engine.statuses(), forgetting: report.cleared)
        }
        work.metrics.activeSchedules(engine.diagnostics().activeSchedules)
        // A delivery costs only its webhook's create and delete: a previous process's leftovers
        // (a crash between the two) are swept here, in the background, instead.
        await work.delivery.sweepLeftoversAtStartup(inChannels: savedChannels)
        ScheduleRestorer.logSummary(report, logger: work.logger)
        started.set()
        return report
    }

    /// True once `start()` has restored the saved schedules: `/healthz` answers "starting" until then.
    var isStarted: Bool { started.isSet }

    /// Returns once `start()` has restored the saved schedules, or when the waiting task is cancelled.
    package func waitUntilStarted() async {
        await started.wait()
    }

    /// The job of a schedule by its key's kind (an export or the health report); nil for a kind
    /// this version does not know.
    package func job(for status: ScheduleStatus) -> ScheduleJob? {
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
