import Foundation
import Testing

@testable import Scheduling

@Suite("Time arithmetic", .timeLimit(.minutes(1)))
struct TimeArithmeticTests {
    @Test("Grid indexes are exact around zero and at exact multiples")
    func gridIndexes() {
        let hour = Duration.seconds(3_600)
        #expect(Grid.indexAfter(.seconds(5), interval: hour) == 1)
        #expect(Grid.indexAfter(hour, interval: hour) == 2)
        #expect(Grid.indexAfter(.seconds(-1), interval: hour) == 0)
        #expect(Grid.indexAfter(.seconds(-3_600), interval: hour) == 0)
        #expect(Grid.indexAtOrAfter(hour, interval: hour) == 1)
        #expect(Grid.indexAtOrAfter(hour + .nanoseconds(1), interval: hour) == 2)
        #expect(Grid.indexAtOrAfter(.seconds(-5), interval: hour) == 0)
        #expect(Grid.indexAtOrAfter(.seconds(-3_601), interval: hour) == -1)
    }

    @Test("Next HH:MM UTC is strictly after the given moment")
    func nextOccurrence() throws {
        let three = try TimeOfDay(parsing: "03:00")
        let tenPastTen = Date(timeIntervalSince1970: 1_760_566_200)  // 2025-10-15 22:10 UTC
        let expected = Date(timeIntervalSince1970: 1_760_583_600)  // 2025-10-16 03:00 UTC
        #expect(three.firstOccurrence(after: tenPastTen) == expected)
        #expect(three.firstOccurrence(after: expected) == expected.addingTimeInterval(86_400))
        #expect(three.firstOccurrence(after: expected.addingTimeInterval(-1)) == expected)
        #expect(try TimeOfDay(parsing: "7:05").description == "07:05")
    }

    @Test("Durations read naturally")
    func durationText() {
        #expect(DurationText.describe(.seconds(30)) == "30 seconds")
        #expect(DurationText.describe(.seconds(60)) == "1 minute")
        #expect(DurationText.describe(.seconds(5_400)) == "1.5 hours")
        #expect(DurationText.describe(.milliseconds(250)) == "250 milliseconds")
        #expect(DurationText.describe(.seconds(604_800)) == "1 week")
    }

    @Test("Intervals describe themselves like the seed's confirmation")
    func intervalDescription() throws {
        #expect(try ScheduleInterval(minutes: 1_440).description == "1 day (1440 minutes)")
        #expect(try ScheduleInterval(minutes: 360).description == "6 hours (360 minutes)")
        #expect(try ScheduleInterval(minutes: 30).description == "30 minutes")
    }
}
