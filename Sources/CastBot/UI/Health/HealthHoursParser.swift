import Foundation
import Scheduling

/// Reads "Report every N hours": a decimal number from 0.016 to 168 (fractions allowed, a comma
/// works as the decimal mark); 0 stops the report.
enum HealthHoursParser {
    static let allowedForms = "a number of hours from 0.016 (about 1 minute) to 168 (1 week), such as 6 or 0.5; 0 stops the report"

    static func hours(from text: String) throws(Refusal) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let allowedCharacters = trimmed.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
        guard !trimmed.isEmpty, trimmed.count <= 12, allowedCharacters, let hours = Double(trimmed), hours.isFinite else {
            throw refusal(text, "it is not a number")
        }
        guard hours == 0 || ScheduleInterval.allowedHours.contains(hours) else {
            throw refusal(text, "it is outside 0.016–168")
        }
        return hours
    }

    private static func refusal(_ text: String, _ reason: String) -> Refusal {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return Refusal("❌ **Report every N hours**: \"\(shown)\" can't be used because \(reason). Use \(allowedForms).")
    }
}
