import Clocks
import Foundation
import Scheduling
import Testing

@Suite("Starting, replacing and stopping", .timeLimit(.minutes(1)))
struct ControlTests {
    @Test("Stopping ends the schedule: no more runs, its final status returned; an unknown key is nil")
    func stopEndsTheSchedule() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob()
        let started = try harness.scheduler.start(try testSettings("g", every: 60), job: job.job)
        #expect(started.isActive)
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("g"))

        let stopped = try #require(harness.scheduler.stop("g", reason: "Stopped: interval set to 0."))
        #expect(!stopped.isActive)
        #expect(stopped.stopReason?.kind == .stopped)
        #expect(stopped.nextRunAt == nil)
        await harness.advance(to: .seconds(4 * 3_600))
        #expect(job.callCount == 1)
        #expect(harness.scheduler.stop("unknown") == nil)
        await harness.stop()
    }

    @Test("Invalid intervals are refused with the allowed range", arguments: [-5, 10_081])
    func invalidIntervalsRefused(minutes: Int) async throws {
        #expect(throws: SchedulingError.intervalMinutesOutOfRange(minutes)) {
            try ScheduleCadence.parse(intervalMinutes: minutes, dailyAt: nil)
        }
        #expect(try ScheduleCadence.parse(intervalMinutes: 0, dailyAt: nil) == nil, "0 means stop")
        #expect(SchedulingError.intervalMinutesOutOfRange(minutes).description.contains("between 1 and 10080 minutes"))
    }

    @Test("Starting with a key in use replaces that schedule and re-anchors its grid")
    func replaceByKey() async throws {
        let harness = SchedulerHarness()
        let first = FakeJob()
        let second = FakeJob()
        try harness.scheduler.start(try testSettings("g", every: 60), job: first.job)
        await harness.advance(to: .seconds(1_800))
        _ = await harness.events.next(where: Match.runEnded("g"))
        var settings = try testSettings("g", every: 60)
        settings.info.channelID = "new-channel"
        try harness.scheduler.start(settings, job: second.job)

        let replaced = try #require(await harness.events.next { $0.kind == .replaced })
        #expect(replaced.info.channelID == "channel-g", "the event describes the old schedule")

        await harness.advance(to: .seconds(1_800 + 3_600))
        _ = await harness.events.next(where: Match.runEnded("g"))
        _ = await harness.events.next(where: Match.runEnded("g"))
        #expect(first.callCount == 1)
        #expect(second.contexts.map(\.scheduledAt) == [1_805, 5_400].map { harness.date(.seconds($0)) })
        #expect(second.contexts.allSatisfy { $0.info.channelID == "new-channel" })
        let status = try #require(harness.scheduler.status("g"))
        #expect(status.startedAt == harness.date(.seconds(1_800)))
        #expect(status.runCount == 2)
        #expect(harness.scheduler.statuses().count == 1)
        await harness.stop()
    }

    @Test("Invalid settings are refused with typed errors")
    func validation() throws {
        #expect(throws: SchedulingError.intervalMinutesOutOfRange(0)) { try ScheduleInterval(minutes: 0) }
        #expect(try ScheduleInterval(minutes: 1).duration == .seconds(60))
        #expect(try ScheduleInterval(minutes: 10_080).duration == .seconds(604_800))
        #expect(try ScheduleInterval(hours: 0.016).milliseconds == 57_600)
        #expect(throws: SchedulingError.intervalHoursOutOfRange(0.01)) { try ScheduleInterval(hours: 0.01) }
        #expect(throws: SchedulingError.intervalHoursOutOfRange(169)) { try ScheduleInterval(hours: 169) }
        #expect(throws: SchedulingError.invalidTimeOfDay("25:00")) { try TimeOfDay(parsing: "25:00") }
        #expect(throws: SchedulingError.invalidTimeOfDay("3pm")) { try TimeOfDay(parsing: "3pm") }
        #expect(throws: SchedulingError.invalidRestartPolicy("forever")) { try RestartPolicy(parsing: "forever") }
        #expect(try RestartPolicy(parsing: " Resume ") == .resume)

        let scheduler = Scheduler(clock: TestClock<Duration>())
        #expect(throws: SchedulingError.runTimeoutOutOfRange(.zero)) {
            try scheduler.start(try testSettings("g", runTimeout: .zero), job: FakeJob().job)
        }
        #expect(throws: SchedulingError.emptyKey) {
            try scheduler.start(try testSettings(" "), job: FakeJob().job)
        }
        #expect(throws: SchedulingError.firstRunTooFarAhead(Date.distantFuture)) {
            try scheduler.start(try testSettings("g"), firstRun: .at(.distantFuture), job: FakeJob().job)
        }
        #expect(scheduler.statuses().isEmpty)
    }

    @Test("Modal fields: 0 means stop, HH:MM anchors, bad text is refused")
    func parsingModalFields() throws {
        #expect(try ScheduleCadence.parse(intervalMinutes: 0, dailyAt: "03:00") == nil)
        #expect(try ScheduleCadence.parse(intervalMinutes: 90) == .every(try ScheduleInterval(minutes: 90)))
        #expect(try ScheduleCadence.parse(intervalMinutes: 1_440, dailyAt: " 3:00 ") == .daily(at: try TimeOfDay(hour: 3, minute: 0)))
        #expect(try ScheduleCadence.parse(intervalMinutes: 1_440, dailyAt: "") == .every(try ScheduleInterval(minutes: 1_440)))
        #expect(throws: SchedulingError.invalidTimeOfDay("24:00")) {
            try ScheduleCadence.parse(intervalMinutes: 1_440, dailyAt: "24:00")
        }
        #expect(throws: SchedulingError.intervalMinutesOutOfRange(-5)) {
            try ScheduleCadence.parse(intervalMinutes: -5)
        }
    }
}
