import CastBotTestSupport
import Foundation
import Scheduling
import Testing

@Suite("Failure policy", .timeLimit(.minutes(1)))
struct FailurePolicyTests {
    /// Deadlines of a 60-minute schedule started at 0: 5 s, then every hour.
    static func deadline(_ run: Int) -> Duration {
        run == 1 ? .seconds(5) : .seconds(3_600 * (run - 1))
    }

    @Test("A throwing run is counted and the schedule keeps going")
    func throwingRunKeepsTheSchedule() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.fail("playerData.json is not valid JSON")])
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)

        await harness.advance(to: Self.deadline(1))
        let failed = try #require(await harness.events.next(where: Match.runEnded("g")))
        #expect(failed.kind == .runFailed(run: 1, error: "playerData.json is not valid JSON", consecutiveFailures: 1))
        var status = try #require(harness.scheduler.status("g"))
        #expect(status.isActive)
        #expect(status.consecutiveFailures == 1)
        #expect(status.lastRun?.result == RunResult(kind: .failed, message: "playerData.json is not valid JSON"))
        #expect(status.nextRunAt == harness.date(Self.deadline(2)))

        await harness.advance(to: Self.deadline(2))
        _ = await harness.events.next(where: Match.runEnded("g"))
        status = try #require(harness.scheduler.status("g"))
        #expect(status.consecutiveFailures == 0, "a success resets the count")
        #expect(status.failureCount == 1)
        #expect(status.lastRun?.result == .succeeded)
        await harness.stop()
    }

    @Test("Five failures in a row auto-disable the schedule and report the last error")
    func fiveFailuresAutoDisable() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob((1...5).map { .fail("HTTP 503 on attempt \($0)") })
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)

        for run in 1...5 {
            await harness.advance(to: Self.deadline(run))
            _ = await harness.events.next(where: Match.runEnded("g"))
        }
        let disabled = try #require(await harness.events.next(where: Match.autoDisabled("g")))
        #expect(disabled.kind == .autoDisabled(lastError: "HTTP 503 on attempt 5", failures: 5))
        #expect(disabled.info.setByUserID == "admin-g", "the event names who to tell")

        let status = try #require(harness.scheduler.status("g"))
        #expect(!status.isActive)
        #expect(status.nextRunAt == nil)
        #expect(status.stopReason?.kind == .autoDisabled)
        #expect(status.stopReason?.message.contains("HTTP 503 on attempt 5") == true)
        #expect(status.stoppedAt == harness.date(Self.deadline(5)))

        await harness.advance(to: Self.deadline(9))
        #expect(job.callCount == 5, "a disabled schedule does not run")
        await harness.stop()
    }

    @Test("A success between failures resets the count")
    func successResetsTheCount() async throws {
        let harness = SchedulerHarness()
        let fourFailures: [FakeJob.Step] = Array(repeating: .fail("timeout"), count: 4)
        let job = FakeJob(fourFailures + [.succeed] + fourFailures + [.fail("last straw")])
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)

        for run in 1...9 {
            await harness.advance(to: Self.deadline(run))
            _ = await harness.events.next(where: Match.runEnded("g"))
        }
        var status = try #require(harness.scheduler.status("g"))
        #expect(status.isActive)
        #expect(status.consecutiveFailures == 4)
        #expect(status.failureCount == 8)

        await harness.advance(to: Self.deadline(10))
        let disabled = try #require(await harness.events.next(where: Match.autoDisabled("g")))
        #expect(disabled.kind == .autoDisabled(lastError: "last straw", failures: 5))
        status = try #require(harness.scheduler.status("g"))
        #expect(!status.isActive)
        await harness.stop()
    }

    @Test("A run can stop its schedule for good, with a reason")
    func runStopsTheSchedule() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.succeed, .stopSchedule("Unknown Channel (10003)")])
        try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)

        await harness.advance(to: Self.deadline(2))
        let stopped = try #require(await harness.events.next(where: Match.stoppedByRun("g")))
        #expect(stopped.kind == .stoppedByRun(reason: "Unknown Channel (10003)"))
        let status = try #require(harness.scheduler.status("g"))
        #expect(!status.isActive)
        #expect(status.stopReason == StopReason(kind: .stoppedByRun, message: "Unknown Channel (10003)"))
        #expect(status.lastRun?.result.kind == .stoppedSchedule)
        #expect(status.consecutiveFailures == 0)
        // The stopping run is reported as such, never as a success.
        let runEnds = await harness.events.count { event in
            if case .runStoppedSchedule(run: 2, _) = event.kind { return true }
            return false
        }
        #expect(runEnds == 1)
        #expect(await harness.events.count { if case .runSucceeded(run: 2, _) = $0.kind { true } else { false } } == 0)

        await harness.advance(to: Self.deadline(5))
        #expect(job.callCount == 2)
        await harness.stop()
    }

    @Test("A hanging run times out, counts as failed, and later runs still happen")
    func hangingRunTimesOut() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.hold])
        try harness.scheduler.start(try testSettings("g", every: 60, runTimeout: .seconds(30)), job: job.job)

        await harness.advance(to: .seconds(35) - .milliseconds(1))
        #expect(harness.scheduler.status("g")?.isRunning == true)
        await harness.advance(to: .seconds(35))
        let timedOut = try #require(await harness.events.next(where: Match.runEnded("g")))
        #expect(timedOut.kind == .runTimedOut(run: 1, timeout: .seconds(30), consecutiveFailures: 1))

        let status = try #require(harness.scheduler.status("g"))
        #expect(status.lastRun?.result == RunResult(kind: .timedOut, message: "timed out after 30 seconds"))
        #expect(status.lastRun?.finishedAt == harness.date(.seconds(35)))
        #expect(status.consecutiveFailures == 1)
        #expect(!status.isRunning)
        #expect(harness.scheduler.diagnostics().runningRuns == 0)
        #expect(job.heldCount == 1, "the stuck run is abandoned, not waited for")
        #expect(harness.scheduler.diagnostics().abandonedRuns == 1)

        await harness.advance(to: Self.deadline(2))
        _ = await harness.events.next(where: Match.runEnded("g"))
        #expect(job.callCount == 2)
        #expect(harness.scheduler.status("g")?.consecutiveFailures == 0)

        job.releaseAll()
        #expect(await eventually { harness.scheduler.diagnostics().abandonedRuns == 0 })
        #expect(harness.scheduler.status("g")?.lastRun?.number == 2, "the stuck run's late return changes nothing")
        await harness.stop()
    }

    @Test("A timed-out run's task is cancelled")
    func timedOutRunIsCancelled() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.holdUntilCancelled])
        try harness.scheduler.start(try testSettings("g", every: 60, runTimeout: .seconds(10)), job: job.job)

        await harness.advance(to: .seconds(15))
        _ = await harness.events.next(where: Match.runEnded("g"))
        #expect(await eventually { job.cancelledWhileHeld == 1 })
        #expect(harness.scheduler.status("g")?.lastRun?.result.kind == .timedOut, "the late CancellationError changes nothing")
        await harness.stop()
    }
}
