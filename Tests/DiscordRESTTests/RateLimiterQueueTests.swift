import CastBotTestSupport
import Clocks
import DiscordModels
import Logging
import Synchronization
import Testing

@testable import DiscordREST

/// The rate limiter's queue for the global window, on a test clock: who goes when, in what
/// order, and how often the limiter sleeps.
@Suite("Rate limiter queue", .timeLimit(.minutes(1)))
struct RateLimiterQueueTests {
    /// A limiter on a watched test clock. Each admitted request is answered at once (at the
    /// virtual time it was admitted), unless a test answers it itself.
    struct World {
        let clock = TestClock<Duration>()
        let sleeps = SleepWatcher()
        let limiter: RateLimiter
        let admissions = Admissions()

        init(perSecond: Int) {
            let time = TimeSource(WatchedTestClock(base: clock, watcher: sleeps))
            limiter = RateLimiter(
                time: time,
                settings: .init(globalRequestsPerSecond: perSecond, invalidRequestLimit: 9_000, invalidRequestWindow: .seconds(600)),
                metrics: DiscordMetrics(factory: RecordingMetricsFactory()),
                logger: Logger(label: "rate-limiter-tests", factory: { _ in SwiftLogNoOpLogHandler() }))
        }

        /// Asks for a slot for channel `channel`'s route; records when it was admitted, with its
        /// label, and answers it at once.
        func request(_ label: String, channel: UInt64, priority: DiscordRequest.Priority) -> Task<Void, any Error> {
            let route = DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(channel)))
            return Task {
                let admission = try await limiter.acquire(route, priority: priority, alreadyWaited: .zero, allowedWait: .seconds(600))
                admissions.add(label, at: clock.elapsed)
                await limiter.finished(admission.ticket)
                admissions.answered()
            }
        }

        func waitUntilQueued(_ count: Int) async {
            _ = await eventually { await limiter.queuedRequestCount() == count }
        }
    }

    final class Admissions: Sendable {
        private let state = Mutex<(all: [(String, Duration)], answered: Int)>(([], 0))

        func add(_ label: String, at time: Duration) { state.withLock { $0.all.append((label, time)) } }
        func answered() { state.withLock { $0.answered += 1 } }
        var labels: [String] { state.withLock { $0.all.map(\.0) } }
        var times: [Duration] { state.withLock { $0.all.map(\.1) } }
        var answeredCount: Int { state.withLock { $0.answered } }
    }

    static let margin = RateLimiter.windowEdgeMargin

    @Test("many waiters: each is let through once, never more than the limit in any second, and the limiter sleeps once per window, not once per waiter")
    func manyWaitersWakeOnce() async throws {
        let world = World(perSecond: 5)
        let waiters = 40
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<waiters {
            tasks.append(world.request("r\(index)", channel: UInt64(index + 1), priority: .export))
        }
        // Five go at once; the other 35 queue.
        #expect(await eventually { world.admissions.answeredCount == 5 })
        await world.waitUntilQueued(waiters - 5)
        var step = 1
        while world.admissions.answeredCount < waiters {
            await world.sleeps.waitUntilStarted(step)
            let before = world.admissions.answeredCount
            await world.clock.advance(by: .seconds(1) + Self.margin)
            #expect(await eventually { world.admissions.answeredCount == min(waiters, before + 5) })
            step += 1
        }
        for task in tasks { try await task.value }

        let times = world.admissions.times
        #expect(times.count == waiters)
        #expect(Set(world.admissions.labels).count == waiters, "each request admitted exactly once")
        for time in times {
            let inWindow = times.filter { $0 >= time && $0 < time + .seconds(1) }.count
            #expect(inWindow <= 5, "at most 5 admitted in the second from \(time)")
        }
        #expect(times.max() == (.seconds(1) + Self.margin) * 7)
        // One sleep per window the queue waited for (7), where every waiter waking at every freed
        // slot would sleep hundreds of times.
        #expect(world.sleeps.started == 7)
        #expect(await world.limiter.queuedRequestCount() == 0)
    }

    @Test("a request counts until a second after its answer, not after its sending: a slow answer holds the next request back")
    func slowAnswerCountsFromTheAnswer() async throws {
        let world = World(perSecond: 1)
        let route = DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1)))
        let first = try await world.limiter.acquire(route, priority: .export, alreadyWaited: .zero, allowedWait: .seconds(60))
        // Its answer comes 400 ms after it was sent: Discord may have counted it as late as that.
        await world.clock.advance(by: .milliseconds(400))
        await world.limiter.finished(first.ticket)
        let second = world.request("second", channel: 2, priority: .export)
        await world.sleeps.waitUntilStarted(1)
        await world.clock.advance(by: .milliseconds(600) + Self.margin)
        #expect(world.admissions.labels.isEmpty, "a second after the first was sent is too early")
        await world.clock.advance(by: .milliseconds(400))
        try await second.value
        #expect(world.admissions.times == [.milliseconds(1_400) + Self.margin])
    }

    @Test("while N requests are in flight, the next waits for an answer, whatever the clock says")
    func inFlightRequestsCount() async throws {
        let world = World(perSecond: 2)
        let route = DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1)))
        let first = try await world.limiter.acquire(route, priority: .export, alreadyWaited: .zero, allowedWait: .seconds(60))
        let second = try await world.limiter.acquire(route, priority: .export, alreadyWaited: .zero, allowedWait: .seconds(60))
        let third = world.request("third", channel: 3, priority: .export)
        await world.waitUntilQueued(1)
        await world.clock.advance(by: .seconds(5))
        for _ in 0..<100 { await Task.yield() }
        #expect(world.admissions.labels.isEmpty)
        await world.limiter.finished(first.ticket)
        await world.limiter.finished(second.ticket)
        await world.sleeps.waitUntilStarted(1)
        await world.clock.advance(by: .seconds(1) + Self.margin)
        try await third.value
        #expect(world.admissions.times == [.seconds(6) + Self.margin])
    }

    @Test("queued requests go by priority: interaction replies, then DMs, then exports, then background work; in order of asking within one")
    func priorities() async throws {
        let world = World(perSecond: 1)
        let route = DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1)))
        let filler = try await world.limiter.acquire(route, priority: .export, alreadyWaited: .zero, allowedWait: .seconds(60))
        await world.limiter.finished(filler.ticket)
        let asked: [(String, DiscordRequest.Priority)] = [
            ("sweep", .background), ("export 1", .export), ("export 2", .export), ("dm 1", .directMessage),
            ("reply", .interaction), ("dm 2", .directMessage),
        ]
        var tasks: [Task<Void, any Error>] = []
        for (index, (label, priority)) in asked.enumerated() {
            tasks.append(world.request(label, channel: UInt64(10 + index), priority: priority))
            await world.waitUntilQueued(index + 1)
        }
        for step in 1...asked.count {
            await world.sleeps.waitUntilStarted(step)
            await world.clock.advance(by: .seconds(1) + Self.margin)
            #expect(await eventually { world.admissions.answeredCount == step })
        }
        for task in tasks { try await task.value }
        #expect(world.admissions.labels == ["reply", "dm 1", "dm 2", "export 1", "export 2", "sweep"])
    }

    @Test("a DM asked after a thousand queued exports goes at the next slot")
    func directMessageAheadOfExports() async throws {
        let world = World(perSecond: 50)
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<1_050 {
            tasks.append(world.request("export", channel: UInt64(index + 1), priority: .export))
        }
        #expect(await eventually { world.admissions.answeredCount == 50 })
        await world.waitUntilQueued(1_000)
        tasks.append(world.request("dm", channel: 5_000, priority: .directMessage))
        await world.waitUntilQueued(1_001)
        await world.sleeps.waitUntilStarted(1)
        await world.clock.advance(by: .seconds(1) + Self.margin)
        #expect(await eventually { world.admissions.answeredCount == 100 })
        #expect(world.admissions.labels[50] == "dm", "the DM takes the first freed slot")
        for task in tasks { task.cancel() }
        #expect(await eventually { await world.limiter.queuedRequestCount() == 0 }, "cancelled waiters leave the queue")
    }

    @Test("a queued request whose allowed wait runs out fails with rateLimitWaitTooLong and leaves the queue")
    func queuedWaitAllowance() async throws {
        let world = World(perSecond: 1)
        let route = DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1)))
        let filler = try await world.limiter.acquire(route, priority: .export, alreadyWaited: .zero, allowedWait: .seconds(60))
        await world.limiter.finished(filler.ticket)
        let ahead = world.request("ahead", channel: 2, priority: .interaction)
        await world.waitUntilQueued(1)
        let late = Task {
            try await world.limiter.acquire(route, priority: .export, alreadyWaited: .milliseconds(500), allowedWait: .seconds(2))
        }
        await world.waitUntilQueued(2)
        await world.sleeps.waitUntilStarted(1)
        await world.clock.advance(by: .seconds(1) + Self.margin)
        try await ahead.value
        // The queue's next slot is at 2.01 s; the late request's allowance ends at 1.5 s.
        await world.sleeps.waitUntilStarted(2)
        await world.clock.advance(by: .milliseconds(495))
        let error = await #expect(throws: DiscordHTTPError.self) { try await late.value }
        #expect(error?.kind == .rateLimitWaitTooLong(needed: .seconds(2), allowed: .seconds(2)))
        #expect(await world.limiter.queuedRequestCount() == 0)
    }
}
