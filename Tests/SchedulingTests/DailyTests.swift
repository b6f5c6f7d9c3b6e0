import Foundation
import Scheduling
import Testing

@Suite("Daily and anchored schedules", .timeLimit(.minutes(1)))
struct DailyTests {
    /// 2025-10-16 03:00:00 UTC.
    static let nextThreeAM = Date(timeIntervalSince1970: 1_760_583_600)

    @Test("Daily at 03:00 from 22:10: first at +5 s, then 03:00 next day, then 24 h later")
    func dailyAtThreeFromTenPastTen() async throws {
        let harness = SchedulerHarness()  // starts at 22:10:00 UTC
        let job = FakeJob()
        let settings = ScheduleSettings(
            key: "daily", cadence: .daily(at: try TimeOfDay(parsing: "03:00")), info: testInfo("daily"))
        try harness.scheduler.start(settings, job: job.job)

        let untilThree = Self.nextThreeAM.timeIntervalSince(harness.startDate)
        #expect(untilThree == 4 * 3_600 + 50 * 60)
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("daily"))
        #expect(harness.scheduler.status("daily")?.nextRunAt == Self.nextThreeAM)

        await harness.advance(to: .seconds(untilThree) - .seconds(1))
        #expect(job.callCount == 1)
        await harness.advance(to: .seconds(untilThree))
        _ = await harness.events.next(where: Match.runEnded("daily"))
        await harness.advance(to: .seconds(untilThree + 86_400))
        _ = await harness.events.next(where: Match.runEnded("daily"))

        let expected = [
            harness.startDate.addingTimeInterval(5), Self.nextThreeAM, Self.nextThreeAM.addingTimeInterval(86_400),
        ]
        #expect(job.contexts.map(\.scheduledAt) == expected)
        #expect(job.contexts.map(\.startedAt) == expected)
        let status = try #require(harness.scheduler.status("daily"))
        #expect(status.gridAnchor == Self.nextThreeAM)
        #expect(status.cadence.description == "daily at 03:00 UTC")
        #expect(status.cadence.label == "daily")
        await harness.stop()
    }

    @Test("Every 6 hours anchored at 03:00, started at 12:00: 12:00:05, 15:00, 21:00, 03:00")
    func sixHoursAnchoredAtThree() async throws {
        let noon = Date(timeIntervalSince1970: 1_760_529_600)  // 2025-10-15 12:00:00 UTC
        let harness = SchedulerHarness(startDate: noon)
        let job = FakeJob()
        let cadence = try #require(try ScheduleCadence.parse(intervalMinutes: 360, dailyAt: "03:00"))
        try harness.scheduler.start(ScheduleSettings(key: "six", cadence: cadence, info: testInfo("six")), job: job.job)

        for offset in [5, 3 * 3_600, 9 * 3_600, 15 * 3_600] {
            await harness.advance(to: .seconds(offset))
            _ = await harness.events.next(where: Match.runEnded("six"))
        }
        let expected = [5, 3 * 3_600, 9 * 3_600, 15 * 3_600].map { noon.addingTimeInterval(TimeInterval($0)) }
        #expect(job.contexts.map(\.scheduledAt) == expected)
        #expect(cadence.description == "every 6 hours (360 minutes) from 03:00 UTC")
        await harness.stop()
    }

    @Test("Started a minute before 03:00, a two-minute first run skips today's 03:00 once")
    func dailyCoalesces() async throws {
        let harness = SchedulerHarness(startDate: Self.nextThreeAM.addingTimeInterval(-60))
        let job = FakeJob([.hold])
        let settings = ScheduleSettings(
            key: "daily", cadence: .daily(at: try TimeOfDay(hour: 3, minute: 0)), info: testInfo("daily"))
        try harness.scheduler.start(settings, job: job.job)
        #expect(harness.scheduler.status("daily")?.gridAnchor == Self.nextThreeAM)

        await harness.advance(to: .seconds(5))
        await harness.advance(to: .seconds(125))
        job.release()
        _ = await harness.events.next(where: Match.runEnded("daily"))
        let coalesced = try #require(await harness.events.next(where: Match.coalesced("daily")))
        let tomorrow = Self.nextThreeAM.addingTimeInterval(86_400)
        #expect(coalesced.kind == .runsCoalesced(skipped: 1, nextRunAt: tomorrow))
        await harness.advance(to: .seconds(86_400 + 60))
        _ = await harness.events.next(where: Match.runEnded("daily"))
        #expect(job.contexts.map(\.scheduledAt) == [Self.nextThreeAM.addingTimeInterval(-55), tomorrow])
        await harness.stop(releasing: [job])
    }
}
