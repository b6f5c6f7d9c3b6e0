@testable import CastBot
import Clocks
import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling
import Synchronization
import CastBotTestSupport

/// The scheduled features over a `TestClock`: a scheduler with its loop running, a data folder
/// with a data file, a state store, the event monitor, and a record of the scheduler's events.
/// Wall time is `startDate` plus the virtual time elapsed.
final class ScheduledHarness: Sendable {
    /// 2025-10-15 14:30:00 UTC, the seed's example export time.
    static let defaultStart = Date(timeIntervalSince1970: 1_760_538_600)
    static let guildID = "1200000000000000001"
    static let channelID = "1200000000000000002"
    static let adminID = "1200000000000000003"

    let clock: TestClock<Duration>
    let scheduler: Scheduler<TestClock<Duration>>
    let directory: TemporaryDirectory
    let discord: any DiscordClient
    let work: ScheduledWorkContext
    let features: ScheduledFeatures
    let startDate: Date
    private let events = SchedulerEventLog()
    private let tasks: [Task<Void, Never>]

    /// - Parameters:
    ///   - directory: reuse a data folder (a restart); a fresh one by default.
    ///   - dataFile: bytes written as `playerData.json` (unless nil).
    init(
        discord: any DiscordClient,
        directory: TemporaryDirectory? = nil,
        dataFile: [UInt8]? = nil,
        startDate: Date = ScheduledHarness.defaultStart,
        packager: ExportPackager = ExportPackager(),
        applicationID: String? = "1100000000000000001",
        clock: TestClock<Duration> = TestClock(),
        metrics: CastBotMetrics = CastBotMetrics()
    ) async throws {
        let directory = try directory ?? TemporaryDirectory()
        if let dataFile {
            try directory.write(dataFile, to: "playerData.json")
        }
        self.clock = clock
        self.directory = directory
        self.discord = discord
        self.startDate = startDate
        let logger = Logger(label: "castbot-tests", factory: { _ in SwiftLogNoOpLogHandler() })
        let wallClock: @Sendable () -> Date = { startDate.addingTimeInterval(Self.seconds(TestClock.Instant().duration(to: clock.now))) }
        scheduler = Scheduler(clock: clock, logger: logger, wallClock: wallClock)
        work = ScheduledWorkContext(
            engine: scheduler, discord: discord, dataStore: PlayerDataStore(directory: directory.path),
            stateStore: try await ServiceStateStore.open(directory: directory.path, logger: logger), applicationID: applicationID,
            clock: clock, now: wallClock, packager: packager, metrics: metrics, logger: logger)
        features = ScheduledFeatures(work: work, startedAt: startDate)
        let stream = scheduler.events(bufferingPolicy: .unbounded)
        let events = events
        let scheduler = scheduler
        let features = features
        tasks = [
            Task { await scheduler.run() },
            Task { await features.runEventMonitor() },
            Task { await features.runNoticeOutbox() },
            Task {
                for await event in stream {
                    events.append(event)
                }
            },
        ]
    }

    var recordedEvents: [SchedulerEvent] { events.all }

    /// Waits until an event matching `predicate` has been recorded, and returns the first.
    @discardableResult
    func event(_ predicate: (SchedulerEvent) -> Bool) async -> SchedulerEvent? {
        await events.waitFor(where: predicate)?.first
    }

    /// Waits until `count` events matching `predicate` have been recorded; false if the test was
    /// cancelled (over its time limit) first.
    func events(_ count: Int, _ predicate: (SchedulerEvent) -> Bool) async -> Bool {
        await events.waitFor(count, where: predicate) != nil
    }

    /// Events of a kind counted so far, e.g. how many runs ended.
    func count(_ predicate: (SchedulerEvent) -> Bool) -> Int {
        recordedEvents.filter(predicate).count
    }

    /// Advances virtual time in steps, letting the loop and runs act between them.
    func advance(by duration: Duration, step: Duration = .seconds(1)) async {
        var left = duration
        while left > .zero {
            let move = min(step, left)
            await clock.advance(by: move)
            for _ in 0..<50 { await Task.yield() }
            left -= move
        }
    }

    /// Advances in steps until `condition` holds (for runs that wait on the clock, such as the
    /// REST client's backoff), at most `limit` of virtual time. Returns whether it held.
    func advance(until condition: () async -> Bool, step: Duration = .seconds(1), limit: Duration = .seconds(600)) async -> Bool {
        var elapsed = Duration.zero
        while elapsed <= limit {
            if await eventually(timeout: .milliseconds(200), condition) { return true }
            await clock.advance(by: step)
            elapsed += step
        }
        return false
    }

    func date(_ offset: Duration) -> Date {
        startDate.addingTimeInterval(Self.seconds(offset))
    }

    /// Stops the loop and the monitor the way shutdown does; the state is saved. Virtual time keeps
    /// flowing meanwhile, as it would for a real shutdown: shutdown deletes the webhooks still
    /// pending cleanup, and a deletion that fails (Discord down or slow at the end of a test) backs
    /// off on this clock, which nothing else moves any more.
    func stop() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.stopInOrder() }
            group.addTask { [clock] in
                while !Task.isCancelled {
                    _ = await eventually(timeout: .milliseconds(50)) { Task.isCancelled }
                    await clock.advance(by: .seconds(1))
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func stopInOrder() async {
        tasks[0].cancel()
        await tasks[0].cancellingValue
        await scheduler.shutdown(gracePeriod: .zero)
        // The outbox runs until cancelled; the monitor and the event log end with the event stream.
        tasks[2].cancel()
        for task in tasks { await task.cancellingValue }
        await features.finishShutdown()
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) * 1e-18
    }
}

extension SchedulerEvent {
    var isRunEnd: Bool {
        switch kind {
        case .runSucceeded, .runStoppedSchedule, .runFailed, .runTimedOut, .runCancelled: true
        default: false
        }
    }

    var isRunSuccess: Bool {
        if case .runSucceeded = kind { return true }
        return false
    }

    var isRunFailure: Bool {
        if case .runFailed = kind { return true }
        return false
    }

    var isStoppedByRun: Bool {
        if case .stoppedByRun = kind { return true }
        return false
    }

    var isAutoDisabled: Bool {
        if case .autoDisabled = kind { return true }
        return false
    }
}

/// The scheduler's events as they arrive.
final class SchedulerEventLog: Sendable {
    private let events = Mutex<[SchedulerEvent]>([])
    private let changed = WakeSignal()

    func append(_ event: SchedulerEvent) {
        events.withLock { $0.append(event) }
        changed.signal()
    }

    var all: [SchedulerEvent] { events.withLock { $0 } }

    /// Returns once `count` events matching `predicate` have been recorded (the matching ones);
    /// nil if the waiting task is cancelled first (a test over its time limit).
    func waitFor(_ count: Int = 1, where predicate: (SchedulerEvent) -> Bool) async -> [SchedulerEvent]? {
        guard await changed.wait(until: { all.count(where: predicate) >= count }) else { return nil }
        return all.filter(predicate)
    }
}
