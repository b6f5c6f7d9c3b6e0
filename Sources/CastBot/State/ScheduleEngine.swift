public import Scheduling

/// The scheduler as the service's features use it, without its clock type, so the export and
/// health services are not generic over the clock (the app runs a `Scheduler<ContinuousClock>`,
/// tests a `Scheduler<TestClock<Duration>>`).
public protocol ScheduleEngine: Sendable {
    @discardableResult
    func start(_ settings: ScheduleSettings, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    @discardableResult
    func restore(_ saved: ScheduleStatus, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus
    @discardableResult
    func stop(_ key: ScheduleKey, reason: String) -> ScheduleStatus?
    func status(_ key: ScheduleKey) -> ScheduleStatus?
    func statuses() -> [ScheduleStatus]
    func snapshot() -> SchedulerSnapshot
    func diagnostics() -> SchedulerDiagnostics
    func events(bufferingPolicy: AsyncStream<SchedulerEvent>.Continuation.BufferingPolicy) -> AsyncStream<SchedulerEvent>
}

extension Scheduler: ScheduleEngine {}
