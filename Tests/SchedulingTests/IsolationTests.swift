import Foundation
import Scheduling
import Testing

@Suite("Isolation", .timeLimit(.minutes(1)))
struct IsolationTests {
    @Test("A hanging and a failing schedule leave another schedule's runs exactly on time")
    func otherSchedulesUnaffected() async throws {
        let harness = SchedulerHarness()
        let hanging = FakeJob(thenAlways: .hold)
        let failing = FakeJob(thenAlways: .fail("boom"))
        let healthy = FakeJob()
        try harness.scheduler.start(try testSettings("hang", every: 30, runTimeout: .seconds(86_400)), job: hanging.job)
        try harness.scheduler.start(try testSettings("fail", every: 60), job: failing.job)
        try harness.scheduler.start(try testSettings("ok", every: 60), job: healthy.job)

        for deadline in [5, 3_600, 7_200].map(Duration.seconds) {
            await harness.advance(to: deadline)
            _ = await harness.events.next(where: Match.runEnded("ok"))
        }
        #expect(healthy.contexts.map(\.startedAt) == [5, 3_600, 7_200].map { harness.date(.seconds($0)) })
        #expect(harness.scheduler.status("ok")?.failureCount == 0)
        #expect(harness.scheduler.status("hang")?.isRunning == true)
        #expect(hanging.callCount == 1, "a run still going is not started again")
        #expect(harness.scheduler.status("fail")?.consecutiveFailures == 3)
        await harness.stop(releasing: [hanging])
    }

    @Test("Start, stop and status answer while runs are going")
    func controlsAnswerDuringRuns() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob(thenAlways: .hold)
        for index in 0..<5 {
            try harness.scheduler.start(try testSettings(ScheduleKey("busy-\(index)")), job: job.job)
        }
        await harness.advance(to: .seconds(5))
        #expect(harness.scheduler.diagnostics().runningRuns == 5)

        // None of these can wait on the runs: they are synchronous.
        #expect(harness.scheduler.statuses().allSatisfy { $0.isRunning })
        #expect(harness.scheduler.stop("busy-0")?.isActive == false)
        let replaced = try harness.scheduler.start(try testSettings("busy-1", every: 120), job: FakeJob().job)
        #expect(replaced.runCount == 0)
        #expect(job.heldCount == 5)

        // The replaced schedule's old run ends later and leaves the new schedule's counters alone.
        job.releaseAll()
        for _ in 0..<5 {
            _ = await harness.events.next { event in
                if case .runSucceeded = event.kind { return true }
                return false
            }
        }
        #expect(harness.scheduler.status("busy-1")?.runCount == 0)
        #expect(harness.scheduler.status("busy-1")?.lastRun == nil)
        #expect(harness.scheduler.status("busy-0")?.lastRun?.result == .succeeded, "a stopped schedule still records its last run")
        await harness.stop()
    }

    @Test("Cancelling the loop returns promptly even with a run that ignores cancellation")
    func loopCancellationDoesNotWaitForRuns() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("g"), job: job.job)
        await harness.advance(to: .seconds(5))
        #expect(job.heldCount == 1)

        await harness.stop()
        let status = try #require(harness.scheduler.status("g"))
        #expect(status.lastRun?.result.kind == .cancelled)
        #expect(status.consecutiveFailures == 0, "cancellation is not a failure")
        #expect(!harness.scheduler.diagnostics().loopRunning)
        job.releaseAll()
    }
}
