@testable import CastBot
import Testing

@Suite("Interval parser: the forms the schedule modal accepts", .timeLimit(.minutes(1)))
struct IntervalParserTests {
    @Test(
        "accepted forms give minutes",
        arguments: [
            ("0", 0), ("1", 1), ("2", 2), ("1440", 1_440), ("10080", 10_080), (" 60 ", 60), ("007", 7),
            ("90m", 90), ("90M", 90), ("6h", 360), ("1d", 1_440), ("7d", 10_080), ("1w", 10_080), ("0h", 0), ("6 h", 360),
            ("168h", 10_080),
        ])
    func accepted(_ text: String, _ minutes: Int) throws {
        #expect(try IntervalParser.minutes(from: text) == minutes)
    }

    @Test(
        "everything else is refused, naming the allowed forms",
        arguments: [
            "abc", "-5", "10081", "1e3", "", "   ", "1.5", "+5", "2w", "169h", "8d", "m", "5x", "5 minutes", "0x10", "١٢",
            "99999999999999999999",
        ])
    func refused(_ text: String) {
        #expect(throws: IntervalParseError.self) { try IntervalParser.minutes(from: text) }
        do {
            _ = try IntervalParser.minutes(from: text)
        } catch {
            #expect(error.description.contains("90m, 6h, 1d, 1w"))
            #expect(error.description.contains("1 to 10080"))
        }
    }

    @Test("the reason says what was wrong")
    func reasons() {
        #expect(throws: IntervalParseError(input: "", reason: "it is empty")) { try IntervalParser.minutes(from: "") }
        #expect(throws: IntervalParseError(input: "10081", reason: "that is 10081 minutes, more than the maximum of 10080 (1 week)")) {
            try IntervalParser.minutes(from: "10081")
        }
    }
}
