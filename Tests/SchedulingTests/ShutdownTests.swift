import CastBotTestSupport
import Clocks
import Foundation
import Scheduling
import Testing

@Suite("Shutdown", .timeLimit(.minutes(1)))
struct ShutdownTests {
    @Test("Shutdown waits for a run that finishes within the grace period")
    func runFinishesWithinGrace() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("g"), job: job.job)
        await harness.advance(to: .seconds(5))

        let scheduler = harness.scheduler
        let shutdown = Task { await scheduler.shutdown(gracePeriod: .seconds(30)) }
        #expect(await eventually { (try? scheduler.start(try testSettings("late"), job: FakeJob().job)) == nil })
        job.release()
        let report = await shutdown.value
        #expect(report == ShutdownReport(runsInFlight: 1, finished: 1, cancelled: 0))
        #expect(harness.scheduler.status("g")?.lastRun?.result == .succeeded)
        await harness.stop()
    }

    @Test("Shutdown cancels runs still going after the grace period and starts no new ones")
    func graceRunsOut() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("g", runTimeout: .seconds(3_600)), job: job.job)
        try harness.scheduler.start(try testSettings("idle"), firstRun: .at(harness.date(.seconds(20))), job: job.job)
        await harness.advance(to: .seconds(5))

        let scheduler = harness.scheduler
        let shutdown = Task { await scheduler.shutdown(gracePeriod: .seconds(30)) }
        #expect(await eventually { (try? scheduler.start(try testSettings("late"), job: FakeJob().job)) == nil })
        await harness.clock.advance(by: .seconds(30))
        let report = await shutdown.value
        #expect(report == ShutdownReport(runsInFlight: 1, finished: 0, cancelled: 1))

        let status = try #require(harness.scheduler.status("g"))
        #expect(status.lastRun?.result.kind == .cancelled)
        #expect(status.consecutiveFailures == 0)
        #expect(job.callCount == 1, "the schedule due at 20 s did not start during shutdown")
        #expect(harness.scheduler.status("idle")?.nextRunAt == harness.date(.seconds(20)), "kept for a resume")
        #expect(throws: SchedulingError.shutDown) {
            try harness.scheduler.start(try testSettings("late"), job: FakeJob().job)
        }
        // The event log collects on a task of its own: wait for the event rather than count at once.
        let cancelled = await harness.events.next { event in event.key == "g" && event.kind == .runCancelled(run: 1) }
        #expect(cancelled != nil)
        #expect(await harness.events.count { event in event.kind == .runCancelled(run: 1) } == 1)
        await harness.stop(releasing: [job])
    }
}
