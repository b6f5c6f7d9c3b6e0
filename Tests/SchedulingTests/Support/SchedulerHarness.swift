import Clocks
import Foundation
import Logging
import Testing

@testable import Scheduling

/// A scheduler on a `TestClock`, its loop running, its events collected, and helpers that step
/// virtual time one scheduler deadline at a time so every run happens at an exact instant.
final class SchedulerHarness: Sendable {
    /// 2025-10-15 22:10:00 UTC.
    static let defaultStart = Date(timeIntervalSince1970: 1_760_566_200)

    let clock: TestClock<Duration>
    let scheduler: Scheduler<TestClock<Duration>>
    let events: EventLog
    let startDate: Date
    private let loopTask: Task<Void, Never>
    private let eventTask: Task<Void, Never>

    init(
        startDate: Date = SchedulerHarness.defaultStart,
        configuration: SchedulerConfiguration = SchedulerConfiguration()
    ) {
        let clock = TestClock<Duration>()
        self.clock = clock
        self.startDate = startDate
        scheduler = Scheduler(
            clock: clock,
            configuration: configuration,
            logger: Logger(label: "scheduling-tests", factory: { _ in SwiftLogNoOpLogHandler() }),
            wallClock: { startDate.addingTimeInterval(Self.seconds(TestClock.Instant().duration(to: clock.now))) }
        )
        (events, eventTask) = EventLog.collecting(scheduler.events(bufferingPolicy: .unbounded))
        let scheduler = scheduler
        loopTask = Task { await scheduler.run() }
    }

    /// Virtual time since the harness was made.
    var elapsed: Duration { TestClock.Instant().duration(to: clock.now) }

    /// The wall date `offset` after the start.
    func date(_ offset: Duration) -> Date {
        startDate.addingTimeInterval(Self.seconds(offset))
    }

    /// Moves virtual time to `offset` after the start, stopping at every deadline on the way and
    /// letting the loop act on it before going on.
    func advance(to offset: Duration) async {
        let target = TestClock<Duration>.Instant(offset: offset)
        await settle()
        while let parked = scheduler.parkedDeadline(), parked <= target {
            await clock.advance(to: parked)
            await settle()
        }
        await clock.advance(to: target)
        await settle()
    }

    func advance(by duration: Duration) async {
        await advance(to: elapsed + duration)
    }

    /// Waits until the loop has acted on everything due now and gone back to sleep: on the loop's
    /// own signal when it is busy; only a loop asleep on a deadline that has come is nudged, since
    /// a test clock ends a sleep registered at exactly "now" only at its next advance.
    func settle() async {
        while !Task.isCancelled {
            let (activity, parks) = scheduler.loopActivity()
            switch activity {
            case .idle:
                return
            case .busy:
                await scheduler.waitForPark(after: parks)
            case .dueWhileParked:
                await clock.advance(by: .zero)
                await Task.yield()
            case .stopped:
                // The loop's task has not begun yet (the harness starts it just before).
                await Task.yield()
            }
        }
    }

    /// Ends the loop and the event collection; releases held jobs first.
    func stop(releasing jobs: [FakeJob] = []) async {
        for job in jobs {
            job.releaseAll()
        }
        loopTask.cancel()
        await loopTask.value
        eventTask.cancel()
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) * 1e-18
    }
}

/// Settings for tests: an export-like schedule with the given cadence.
func testSettings(
    _ key: ScheduleKey, every minutes: Int = 60, runTimeout: Duration = .seconds(600)
) throws -> ScheduleSettings {
    ScheduleSettings(
        key: key,
        cadence: .every(try ScheduleInterval(minutes: minutes)),
        info: testInfo(key),
        runTimeout: runTimeout
    )
}

func testInfo(_ key: ScheduleKey) -> ScheduleInfo {
    ScheduleInfo(
        kind: "export-server", guildID: "guild-\(key)", channelID: "channel-\(key)",
        setByUserID: "admin-\(key)", typeLabel: "Server", restartPolicy: .resume)
}
