import Foundation
import Scheduling
import Testing

/// Deadlines are start + 5 s for the first run, then start + k × interval (k ≥ 1).
@Suite("Deadlines", .timeLimit(.minutes(3)))
struct DeadlineTests {
    @Test("First run at exactly start + 5 s, then start + k × interval")
    func firstRunAfterFiveSecondsThenOnTheGrid() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob()
        await harness.advance(to: .seconds(7))  // the schedule starts 7 s into the test
        try harness.scheduler.start(try testSettings("g1", every: 60), job: job.job)

        await harness.advance(to: .seconds(12) - .milliseconds(1))
        #expect(job.callCount == 0)
        await harness.advance(to: .seconds(12))
        _ = await harness.events.next(where: Match.runEnded("g1"))
        #expect(job.contexts.map(\.scheduledAt) == [harness.date(.seconds(12))])
        #expect(harness.scheduler.status("g1")?.nextRunAt == harness.date(.seconds(7 + 3_600)))

        await harness.advance(to: .seconds(7 + 3_600))
        _ = await harness.events.next(where: Match.runEnded("g1"))
        await harness.advance(to: .seconds(7 + 7_200))
        _ = await harness.events.next(where: Match.runEnded("g1"))

        #expect(job.contexts.map(\.scheduledAt) == [12, 3_607, 7_207].map { harness.date(.seconds($0)) })
        #expect(job.contexts.map(\.startedAt) == job.contexts.map(\.scheduledAt))
        #expect(job.contexts.map(\.runNumber) == [1, 2, 3])
        #expect(job.contexts.map(\.nextRunAt) == [3_607, 7_207, 10_807].map { harness.date(.seconds($0)) })
        await harness.stop()
    }

    @Test("Zero drift over 1,000 intervals although every run takes 30% of an interval")
    func noDriftOverAThousandIntervals() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob(thenAlways: .hold)
        try harness.scheduler.start(try testSettings("drift", every: 1), job: job.job)

        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runStarted("drift"))
        job.release()
        _ = await harness.events.next(where: Match.runEnded("drift"))

        for k in 1...1_000 {
            let deadline = Duration.seconds(60 * k)
            await harness.advance(to: deadline)
            let started = try #require(await harness.events.next(where: Match.runStarted("drift")))
            #expect(started.at == harness.date(deadline), "run \(k + 1) started late")
            guard case .runStarted(let run, let scheduledAt) = started.kind else { return }
            #expect(run == k + 1)
            #expect(scheduledAt == harness.date(deadline))
            await harness.advance(by: .seconds(18))
            job.release()
            _ = await harness.events.next(where: Match.runEnded("drift"))
        }

        let status = try #require(harness.scheduler.status("drift"))
        #expect(status.runCount == 1_001)
        #expect(status.skippedRuns == 0)
        #expect(status.lastRun?.startedAt == harness.date(.seconds(60_000)))
        #expect(status.lastRun?.finishedAt == harness.date(.seconds(60_018)))
        #expect(status.nextRunAt == harness.date(.seconds(60_060)))
        await harness.stop(releasing: [job])
    }

    @Test("A run taking 3.5 intervals is followed by exactly one run, at the next deadline")
    func longRunCoalescesMissedDeadlines() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.succeed, .hold])
        try harness.scheduler.start(try testSettings("slow", every: 60, runTimeout: .seconds(86_400)), job: job.job)
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("slow"))

        await harness.advance(to: .seconds(3_600))  // run 2 starts and holds
        await harness.advance(to: .seconds(3_600 + 12_600))  // 3.5 intervals later
        #expect(job.callCount == 2, "no run starts while one is going")
        job.release()
        _ = await harness.events.next(where: Match.runEnded("slow"))

        let coalesced = try #require(await harness.events.next(where: Match.coalesced("slow")))
        #expect(coalesced.kind == .runsCoalesced(skipped: 3, nextRunAt: harness.date(.seconds(18_000))))
        let status = try #require(harness.scheduler.status("slow"))
        #expect(status.nextRunAt == harness.date(.seconds(18_000)))
        #expect(status.skippedRuns == 3)

        await harness.advance(to: .seconds(18_000) - .milliseconds(1))
        #expect(job.callCount == 2, "no catch-up burst after the long run")
        await harness.advance(to: .seconds(18_000))
        _ = await harness.events.next(where: Match.runEnded("slow"))
        #expect(job.callCount == 3)
        #expect(job.contexts.last?.scheduledAt == harness.date(.seconds(18_000)))
        #expect(await harness.events.count(where: Match.runStarted("slow")) == 3)

        await harness.advance(to: .seconds(21_600))
        _ = await harness.events.next(where: Match.runEnded("slow"))
        #expect(job.contexts.map(\.scheduledAt).last == harness.date(.seconds(21_600)))
        await harness.stop(releasing: [job])
    }

    @Test("A run ending exactly on the next deadline is followed at once, skipping nothing")
    func runEndingOnTheDeadline() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("edge", every: 60), job: job.job)
        await harness.advance(to: .seconds(5))
        await harness.advance(to: .seconds(3_600))
        job.release()
        _ = await harness.events.next(where: Match.runEnded("edge"))
        await harness.settle()
        _ = await harness.events.next(where: Match.runEnded("edge"))
        #expect(job.contexts.map(\.scheduledAt) == [harness.date(.seconds(5)), harness.date(.seconds(3_600))])
        #expect(harness.scheduler.status("edge")?.skippedRuns == 0)
        await harness.stop(releasing: [job])
    }
}
