import Foundation
import Scheduling
import Testing

@Suite("Status", .timeLimit(.minutes(1)))
struct StatusTests {
    @Test("Status shows settings, who set it, runs, results and the next run")
    func statusFields() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob([.succeed, .hold], thenAlways: .fail("Missing Access (50001)"))
        let info = ScheduleInfo(
            kind: "export-all", guildID: nil, channelID: "1297188286191767603", setByUserID: "391415444084490240",
            typeLabel: "All servers", restartPolicy: .clear)
        let settings = ScheduleSettings(
            key: "all", cadence: .every(try ScheduleInterval(minutes: 1_440)), info: info, runTimeout: .seconds(300))
        let initial = try harness.scheduler.start(settings, job: job.job)

        #expect(initial.isActive)
        #expect(initial.settings == settings)
        #expect(initial.startedAt == harness.startDate)
        #expect(initial.nextRunAt == harness.date(.seconds(5)))
        #expect(initial.lastRun == nil)
        #expect(initial.runCount == 0)
        #expect(initial.cadence.description == "every 1 day (1440 minutes)")

        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("all"))
        var status = try #require(harness.scheduler.status("all"))
        let first = try #require(status.lastRun)
        #expect(first == RunRecord(
            number: 1, scheduledAt: harness.date(.seconds(5)), startedAt: harness.date(.seconds(5)),
            finishedAt: harness.date(.seconds(5)), result: .succeeded))
        #expect(status.info.setByUserID == "391415444084490240")
        #expect(status.info.channelID == "1297188286191767603")
        #expect(status.info.typeLabel == "All servers")
        #expect(status.nextRunAt == harness.date(.seconds(86_400)))

        await harness.advance(to: .seconds(86_400 + 60))
        status = try #require(harness.scheduler.status("all"))
        #expect(status.isRunning)
        #expect(status.runningSince == harness.date(.seconds(86_400)))
        #expect(status.runCount == 2)
        #expect(status.nextRunAt == harness.date(.seconds(2 * 86_400)))
        job.release()
        _ = await harness.events.next(where: Match.runEnded("all"))
        status = try #require(harness.scheduler.status("all"))
        #expect(!status.isRunning)
        #expect(status.lastRun?.finishedAt == harness.date(.seconds(86_400 + 60)))

        await harness.advance(to: .seconds(2 * 86_400))
        _ = await harness.events.next(where: Match.runEnded("all"))
        status = try #require(harness.scheduler.status("all"))
        #expect(status.lastRun?.result == RunResult(kind: .failed, message: "Missing Access (50001)"))
        #expect(status.consecutiveFailures == 1)
        #expect(status.failureCount == 1)
        #expect(status.runCount == 3)
        #expect(status.stopReason == nil)

        let stopped = try #require(harness.scheduler.stop("all", reason: "Stopped by 391415444084490240."))
        #expect(stopped.stopReason == StopReason(kind: .stopped, message: "Stopped by 391415444084490240."))
        #expect(stopped.stoppedAt == harness.date(.seconds(2 * 86_400)))
        #expect(harness.scheduler.diagnostics().activeSchedules == 0)
        #expect(harness.scheduler.remove("all") != nil)
        #expect(harness.scheduler.status("all") == nil)
        await harness.stop(releasing: [job])
    }

    @Test("Events for one run arrive in order: started, then its end")
    func eventOrder() async throws {
        let harness = SchedulerHarness()
        try harness.scheduler.start(try testSettings("g"), job: FakeJob().job)
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("g"))
        let kinds = await harness.events.events.map(\.kind)
        #expect(kinds == [
            .scheduled(firstRunAt: harness.date(.seconds(5))),
            .runStarted(run: 1, scheduledAt: harness.date(.seconds(5))),
            .runSucceeded(run: 1, duration: .zero),
        ])
        await harness.stop()
    }
}
