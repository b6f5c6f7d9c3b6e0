public import Foundation
import Logging
import Scheduling
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
    private let started = Mutex(false)

    /// - Parameter startedAt: when the service started, for the health report's uptime.
    public init(work: ScheduledWorkContext, startedAt: Date) {
        self.work = work
        // Subscribes to the scheduler's events now, before any schedule starts.
        monitor = ScheduleEventMonitor(work: work)
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
        await work.stateStore.attach { engine.snapshot() }
        await work.stateStore.save()
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
    public var isStarted: Bool { started.withLock { $0 } }

    /// Follows the scheduler's events until it shuts down.
    public func runEventMonitor() async {
        await monitor.run()
    }

    /// After the scheduler has shut down: delete webhooks still waiting for cleanup, save the state.
    public func finishShutdown() async {
        await work.delivery.cleanUpNow()
        await work.stateStore.save()
    }
}
