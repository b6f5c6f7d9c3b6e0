import Logging
public import Scheduling
public import ServiceLifecycle

/// Runs the scheduled features as a long-running service: the scheduler's loop and the event
/// monitor. On graceful shutdown the scheduler stops starting runs, waits up to `gracePeriod` for
/// runs going on, then pending webhooks are deleted and the state saved.
public struct ScheduledFeaturesService<C: Clock>: Service where C.Duration == Duration {
    public let scheduler: Scheduler<C>
    public let features: ScheduledFeatures
    public let gracePeriod: Duration

    public init(scheduler: Scheduler<C>, features: ScheduledFeatures, gracePeriod: Duration = .seconds(15)) {
        self.scheduler = scheduler
        self.features = features
        self.gracePeriod = gracePeriod
    }

    public func run() async throws {
        let scheduler = scheduler
        let features = features
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await scheduler.run() }
            group.addTask { await features.runEventMonitor() }
            await features.start()
            try? await gracefulShutdown()
            await scheduler.shutdown(gracePeriod: gracePeriod)
            group.cancelAll()
            await group.waitForAll()
            await features.finishShutdown()
        }
    }
}
