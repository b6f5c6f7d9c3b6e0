@testable import CastBot
import Testing

@Suite("Health monitor hours", .timeLimit(.minutes(1)))
struct HealthHoursParserTests {
    @Test("0, 0.016 to 168 and fractions are accepted", arguments: [("0", 0.0), ("0.016", 0.016), ("6", 6.0), ("0,5", 0.5), ("168", 168.0)])
    func accepted(_ text: String, _ hours: Double) throws {
        #expect(try HealthHoursParser.hours(from: text) == hours)
    }

    @Test("other values are refused with the allowed range", arguments: ["abc", "-1", "0.01", "169", "", "1e2", "inf", "nan"])
    func refused(_ text: String) {
        do {
            _ = try HealthHoursParser.hours(from: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.message.contains("0.016"))
            #expect(error.message.contains("168"))
        }
    }
}
