import Foundation
import Scheduling
import Testing

@Suite("Snapshot and restore", .timeLimit(.minutes(1)))
struct SnapshotTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A scheduler that ran a while: one interval schedule (one failure), one daily schedule.
    static func ranAWhile() async throws -> SchedulerHarness {
        let harness = SchedulerHarness()
        try harness.scheduler.start(try testSettings("b-interval", every: 60), job: FakeJob([.fail("HTTP 502")]).job)
        let daily = ScheduleSettings(
            key: "a-daily", cadence: .daily(at: try TimeOfDay(hour: 3, minute: 0)), info: testInfo("a-daily"))
        try harness.scheduler.start(daily, job: FakeJob().job)
        await harness.advance(to: .seconds(5))
        _ = await harness.events.next(where: Match.runEnded("a-daily"))
        _ = await harness.events.next(where: Match.runEnded("b-interval"))
        return harness
    }

    @Test("A snapshot round-trips through JSON and encodes the same way every time")
    func roundTrip() async throws {
        let harness = try await Self.ranAWhile()
        let snapshot = harness.scheduler.snapshot()
        #expect(snapshot.schedules.map(\.key) == ["a-daily", "b-interval"])
        #expect(snapshot.schedules.last?.lastRun?.result.message == "HTTP 502")

        let data = try Self.encoder().encode(snapshot)
        #expect(try Self.encoder().encode(harness.scheduler.snapshot()) == data)
        let decoded = try Self.decoder().decode(SchedulerSnapshot.self, from: data)
        #expect(decoded == snapshot)

        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"intervalMilliseconds\" : 3600000"))
        #expect(text.contains("\"anchoredAt\" : \"03:00\""))
        #expect(text.contains("\"runTimeoutMilliseconds\" : 600000"))
        await harness.stop()
    }

    @Test("Resume after a restart: a run missed while down runs once at startup, then the old grid continues")
    func resumeAfterRestart() async throws {
        let before = try await Self.ranAWhile()
        let data = try Self.encoder().encode(before.scheduler.snapshot())
        await before.stop()

        // The service comes back 3 h 20 min after the first start; the 1 h, 2 h and 3 h runs were missed.
        let restartDate = before.startDate.addingTimeInterval(12_000)
        let after = SchedulerHarness(startDate: restartDate)
        let saved = try Self.decoder().decode(SchedulerSnapshot.self, from: data)
        let interval = try #require(saved.schedules.first { $0.key == "b-interval" })
        let job = FakeJob()
        let restored = try after.scheduler.restore(interval, firstRun: .resuming(interval), job: job.job)
        #expect(restored.runCount == 1)
        #expect(restored.consecutiveFailures == 1)
        #expect(restored.nextRunAt == restartDate, "the missed run is due at once")

        await after.settle()
        _ = await after.events.next(where: Match.runEnded("b-interval"))
        #expect(job.callCount == 1)
        #expect(job.contexts.first?.runNumber == 2)
        let status = try #require(after.scheduler.status("b-interval"))
        #expect(status.consecutiveFailures == 0)
        #expect(status.startedAt == before.startDate)
        #expect(status.nextRunAt == before.startDate.addingTimeInterval(4 * 3_600), "on the original grid")

        await after.advance(to: .seconds(4 * 3_600 - 12_000))
        _ = await after.events.next(where: Match.runEnded("b-interval"))
        #expect(job.contexts.map(\.scheduledAt).last == before.startDate.addingTimeInterval(4 * 3_600))
        await after.stop()
    }

    @Test("Resume before the next run is due keeps that time")
    func resumeBeforeDue() async throws {
        let before = try await Self.ranAWhile()
        let saved = try #require(before.scheduler.status("a-daily"))
        await before.stop()

        let after = SchedulerHarness(startDate: before.startDate.addingTimeInterval(600))
        let job = FakeJob()
        try after.scheduler.restore(saved, firstRun: .resuming(saved), job: job.job)
        #expect(after.scheduler.status("a-daily")?.nextRunAt == DailyTests.nextThreeAM)
        let untilThree = DailyTests.nextThreeAM.timeIntervalSince(after.startDate)
        await after.advance(to: .seconds(untilThree))
        _ = await after.events.next(where: Match.runEnded("a-daily"))
        #expect(job.contexts.map(\.scheduledAt) == [DailyTests.nextThreeAM])
        await after.stop()
    }

    @Test("A saved next run kept to the millisecond, a fraction short of its grid point, skips no deadline")
    func resumeOnMillisecondDates() async throws {
        // The grid's anchor has a fraction of a millisecond; the saved next run lost it.
        let harness = SchedulerHarness(startDate: SchedulerHarness.defaultStart.addingTimeInterval(0.0007))
        var saved = ScheduleStatus(
            settings: try testSettings("m", every: 1), isActive: true, startedAt: harness.startDate, gridAnchor: harness.startDate)
        saved.nextRunAt = Date(timeIntervalSince1970: (harness.startDate.timeIntervalSince1970 * 1_000).rounded(.down) / 1_000 + 60)
        let job = FakeJob()
        try harness.scheduler.restore(saved, firstRun: .resuming(saved), job: job.job)
        await harness.advance(to: .seconds(60))
        _ = await harness.events.next(where: Match.runEnded("m"))
        let status = try #require(harness.scheduler.status("m"))
        #expect(status.skippedRuns == 0)
        #expect(await harness.events.count(where: Match.coalesced("m")) == 0)
        #expect(try abs(#require(status.nextRunAt).timeIntervalSince(harness.startDate.addingTimeInterval(120))) < 0.001)
        await harness.stop()
    }

    @Test("Restoring refuses absurd saved dates and changes nothing")
    func restoreRejectsBadDates() async throws {
        let harness = SchedulerHarness()
        var saved = ScheduleStatus(
            settings: try testSettings("g"), isActive: true,
            startedAt: Date(timeIntervalSince1970: 1e15), gridAnchor: Date(timeIntervalSince1970: 1e15))
        #expect(throws: SchedulingError.savedDateOutOfRange(saved.startedAt)) {
            try harness.scheduler.restore(saved, firstRun: .afterDelay, job: FakeJob().job)
        }
        saved.startedAt = harness.startDate
        saved.gridAnchor = harness.startDate
        saved.runCount = -1
        #expect(throws: SchedulingError.savedCountNegative) {
            try harness.scheduler.restore(saved, firstRun: .afterDelay, job: FakeJob().job)
        }
        #expect(harness.scheduler.statuses().isEmpty)
        await harness.stop()
    }

    @Test("Decoding refuses intervals and times outside the allowed ranges")
    func decodingValidates() throws {
        let tooShort = #"{"intervalMilliseconds": 5}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScheduleCadence.self, from: Data(tooShort.utf8))
        }
        let badTime = #"{"intervalMilliseconds": 86400000, "anchoredAt": "7 o'clock"}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScheduleCadence.self, from: Data(badTime.utf8))
        }
    }
}
