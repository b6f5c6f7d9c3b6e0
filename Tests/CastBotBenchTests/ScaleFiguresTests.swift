import CastBotBench
import Foundation
import Testing

/// The arithmetic behind `castbot-bench scale`'s figures; no timing is asserted anywhere.
@Suite("Scale bench figures", .timeLimit(.minutes(1)))
struct ScaleFiguresTests {
    @Test("Runs due together: the floor is all their requests at 50 per second")
    func floorTogether() {
        let floor = ScaleFigures.floorSeconds(dueOffsets: Array(repeating: 0, count: 1_000), requestsPerRun: 3)
        #expect(abs(floor - 60) < 1e-9)
    }

    @Test("Spread runs: the floor waits for due times and queues behind earlier runs")
    func floorSpread() {
        // 100 runs at 0 s need 6 s; 100 more due at 60 s start then; 100 due at 61 s queue behind them.
        let offsets = Array(repeating: 0.0, count: 100) + Array(repeating: 60.0, count: 100) + Array(repeating: 61.0, count: 100)
        let floor = ScaleFigures.floorSeconds(dueOffsets: offsets, requestsPerRun: 3)
        #expect(abs(floor - 72) < 1e-9)
    }

    @Test("The run time is read from scheduled export filenames, plain, gzipped or in parts")
    func runDateFromFilename() throws {
        let expected = try #require(ISO8601DateFormatter.withMilliseconds.date(from: "2026-12-03T03:00:00.123Z"))
        for name in [
            "playerdata-scheduled-1900000000000000007-2026-12-03T03-00-00-123Z.json",
            "playerdata-scheduled-1900000000000000007-2026-12-03T03-00-00-123Z.json.gz",
            "playerdata-scheduled-ALL-2026-12-03T03-00-00-123Z.json.gz.part1of3",
        ] {
            #expect(ScaleFigures.runDate(fromFilename: name) == expected, "\(name)")
        }
        #expect(ScaleFigures.runDate(fromFilename: "notes.txt") == nil)
        #expect(ScaleFigures.runDate(fromFilename: "Z.json") == nil)
    }

    @Test("daily_at texts and the next minute boundary are in UTC")
    func dueTimes() {
        let now = Date(timeIntervalSince1970: 1_796_263_270)  // 2026-12-03 02:01:10 UTC
        let boundary = ScaleFigures.minuteBoundary(after: now, lead: 45)
        #expect(boundary.timeIntervalSince1970 == 1_796_263_320)
        #expect(ScaleFigures.dailyAtText(boundary) == "02:02")
        #expect(ScaleFigures.dailyAtText(Date(timeIntervalSince1970: 86_400 - 60)) == "23:59")
    }

    @Test("Spread mode puts an equal share of guilds on each minute")
    func spreadOffsets() {
        let offsets = (0..<10).map { ScaleFigures.spreadMinuteOffset(index: $0, count: 10, minutes: 5) }
        #expect(offsets == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(ScaleFigures.spreadMinuteOffset(index: 7, count: 10, minutes: 1) == 0)
    }

    @Test("Lateness counts each run's first landing; extra messages are duplicates; runs without one are missing")
    func outcomes() {
        let due = Date(timeIntervalSince1970: 1_000)
        let outcomes = ScaleFigures.RunOutcomes(
            runs: [
                (due, [due.addingTimeInterval(2)]),
                (due, [due.addingTimeInterval(5), due.addingTimeInterval(9)]),
                (due.addingTimeInterval(60), []),
            ], firstDue: due)
        #expect(outcomes.delivered == 2)
        #expect(outcomes.missing == 1)
        #expect(outcomes.duplicates == 1)
        #expect(outcomes.lateness == [.seconds(2), .seconds(5)])
        #expect(outcomes.lastLandingOffset == 5)
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withMilliseconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
