import CastBotTestSupport
import Foundation
import Scheduling
import Testing

/// `runSlot`: a deadline run now, outside the schedule's timer (a run another process left
/// unfinished). It goes the way of every run and leaves the planned deadline where it is.
@Suite("Running one slot", .timeLimit(.minutes(1)))
struct RunSlotTests {
    @Test("A slot run is recorded like any run and the planned next deadline stays")
    func slotRunIsRecorded() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob()
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        let planned = try #require(harness.scheduler.status("g")?.nextRunAt)
        let slot = harness.date(.seconds(-60))

        #expect(harness.scheduler.runSlot("g", at: slot))
        let ended = try #require(await harness.events.next(where: Match.runEnded("g")))
        #expect(ended.kind == .runSucceeded(run: 1, duration: .zero))
        let status = try #require(harness.scheduler.status("g"))
        #expect(status.runCount == 1)
        #expect(status.lastRun?.scheduledAt == slot)
        #expect(status.nextRunAt == planned, "the timer's deadline is not moved")
        #expect(job.contexts.map(\.scheduledAt) == [slot])

        // The timer's own run still comes at its deadline.
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("g"))
        #expect(job.callCount == 2)
        #expect(harness.scheduler.status("g")?.runCount == 2)
        await harness.stop()
    }

    @Test("Failing slot runs count toward auto-disable with the timer's runs")
    func slotFailuresCount() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([], thenAlways: .fail("HTTP 503"))
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        for run in 1...4 {
            #expect(harness.scheduler.runSlot("g", at: harness.date(.seconds(-60 * run))))
            _ = await harness.events.next(where: Match.runEnded("g"))
        }
        #expect(harness.scheduler.status("g")?.consecutiveFailures == 4)
        await harness.advance(to: .seconds(5))
        let disabled = try #require(await harness.events.next(where: Match.autoDisabled("g")))
        #expect(disabled.kind == .autoDisabled(lastError: "HTTP 503", failures: 5))
        #expect(harness.scheduler.status("g")?.isActive == false)
        await harness.stop()
    }

    @Test("A slot run that stops its schedule stops it, and the stop is published for the admin's DM")
    func slotRunStops() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.stopSchedule("the channel was deleted")])
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        #expect(harness.scheduler.runSlot("g", at: harness.date(.seconds(-60))))
        let stopped = try #require(await harness.events.next(where: Match.stoppedByRun("g")))
        #expect(stopped.kind == .stoppedByRun(reason: "the channel was deleted"))
        #expect(harness.scheduler.status("g")?.isActive == false)
        #expect(harness.scheduler.status("g")?.nextRunAt == nil)
        await harness.stop()
    }

    @Test("A deadline that falls due while a slot run goes runs right after it")
    func deadlineDuringSlotRun() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        #expect(harness.scheduler.runSlot("g", at: harness.date(.seconds(-60))))
        #expect(!harness.scheduler.runSlot("g", at: harness.date(.seconds(-120))), "one run of a schedule at a time")
        await harness.advance(to: .seconds(6))
        #expect(job.callCount == 1, "the timer's run waits for the slot run")
        job.release()
        _ = await harness.events.next(where: Match.runEnded("g"))
        _ = await harness.events.next(where: Match.runEnded("g"))
        #expect(job.callCount == 2)
        #expect(harness.scheduler.status("g")?.nextRunAt == harness.date(.seconds(3_600)))
        await harness.stop()
    }

    @Test("Unknown or stopped schedules start nothing")
    func refusals() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob()
        #expect(!harness.scheduler.runSlot("g", at: harness.date(.zero)))
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        harness.scheduler.stop("g")
        #expect(!harness.scheduler.runSlot("g", at: harness.date(.zero)))
        #expect(job.callCount == 0)
        await harness.stop()
    }
}
