import ExportFormat
import Foundation
import Testing
@testable import PlayerData

@Suite(.timeLimit(.minutes(1))) struct TimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_760_538_600, "2025-10-15T14:30:00.000Z"),
        (1_775_411_949.745, "2026-04-05T17:59:09.745Z"),
        (951_782_400.999, "2000-02-29T00:00:00.999Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        (253_402_300_800, "+010000-01-01T00:00:00.000Z"),
        (-62_198_755_200, "-000001-01-01T00:00:00.000Z"),
    ])
    func formatsLikeToISOString(seconds: Double, expected: String) {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func filenamesUseTheSeedsPatterns() {
        let date = Date(timeIntervalSince1970: 1_760_538_600)
        #expect(Timestamp.fileSafe(date) == "2025-10-15T14-30-00-000Z")
        #expect(ExportFileName.server(guildID: "974318870057848842", date: date, kind: .scheduled)
            == "playerdata-scheduled-974318870057848842-2025-10-15T14-30-00-000Z.json")
        #expect(ExportFileName.server(guildID: "974318870057848842", date: date, kind: .manual)
            == "playerdata-export-974318870057848842-2025-10-15T14-30-00-000Z.json")
        #expect(ExportFileName.all(date: date, kind: .scheduled) == "playerdata-scheduled-ALL-2025-10-15T14-30-00-000Z.json")
        #expect(ExportFileName.all(date: date, kind: .manual) == "playerdata-FULL-export-2025-10-15T14-30-00-000Z.json")
    }

    @Test func impossibleDatesDoNotTrap() {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: .infinity)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1e300)).hasPrefix("+275760-09-13"))
    }

    @Test("The hand parser reads back what iso8601 wrote, to the millisecond, over two centuries")
    func parsesWhatItWrites() {
        var seconds = -1_000_000_000.0
        while seconds < 5_000_000_000 {
            let date = Date(timeIntervalSince1970: (seconds * 1_000).rounded() / 1_000)
            let text = Timestamp.iso8601(date)
            #expect(Timestamp.date(iso8601: text)?.timeIntervalSince1970 == date.timeIntervalSince1970, "\(text)")
            seconds += 7_654_321.123
        }
    }

    @Test("The hand parser refuses every other form, and impossible dates", arguments: [
        "2025-10-15T14:30:00Z", "2025-10-15T14:30:00.000+00:00", "2025-02-29T00:00:00.000Z", "2025-13-01T00:00:00.000Z",
        "2025-04-31T00:00:00.000Z", "2025-10-15T24:00:00.000Z", "2025-10-15T14:60:00.000Z", "2025-10-15 14:30:00.000Z",
        "20a5-10-15T14:30:00.000Z", "+010000-01-01T00:00:00.000Z", "",
    ])
    func refusesOtherForms(text: String) {
        #expect(Timestamp.date(iso8601: text) == nil)
    }
}
