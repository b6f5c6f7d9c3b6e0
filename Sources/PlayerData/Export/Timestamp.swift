import Foundation

/// ISO 8601 UTC timestamps with milliseconds, formatted by arithmetic rather than a formatter so
/// the result never depends on locale, calendar or time zone settings. Matches JavaScript's
/// `Date.prototype.toISOString()`.
package enum Timestamp {
    /// `2025-10-15T14:30:00.000Z`
    package static func iso8601(_ date: Date) -> String {
        let millisecondsPerDay: Int64 = 86_400_000
        let milliseconds = epochMilliseconds(date)
        let days = floorDivide(milliseconds, millisecondsPerDay)
        var rest = milliseconds - days * millisecondsPerDay
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let hour = rest / 3_600_000
        rest %= 3_600_000
        let minute = rest / 60_000
        rest %= 60_000
        let second = rest / 1000
        let millisecond = rest % 1000
        return "\(yearText(year))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// The date `iso8601(_:)` wrote: exactly `YYYY-MM-DDTHH:MM:SS.sssZ` with a real calendar
    /// date and time; nil for any other text (callers fall back to a general ISO 8601 parser).
    /// Parsed by hand: reading 100,000 saved schedules at startup parses half a million dates.
    package static func date(iso8601 text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
                bytes[19] == 0x2E, bytes[23] == 0x5A
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int64? {
                var value: Int64 = 0
                for index in start..<(start + count) {
                    let digit = Int64(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
                (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1_000 + millisecond
            return Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
        }
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil, the inverse of `civilDate(daysSinceEpoch:)`.
    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let year = month <= 2 ? year - 1 : year
        let era = floorDivide(year, 400)
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `2025-10-15T14-30-00-000Z`: the ISO form with `:` and `.` replaced by `-`, for filenames.
    package static func fileSafe(_ date: Date) -> String {
        String(iso8601(date).map { $0 == ":" || $0 == "." ? "-" : $0 })
    }

    /// Whole milliseconds since 1970, rounded down like JavaScript's Date, clamped to the range
    /// JavaScript dates can hold (±8.64e15 ms) so no input can trap. Rounding to the nearest
    /// microsecond first absorbs the binary error of `Date`'s Double, so a date built from an
    /// exact millisecond count formats as that millisecond.
    static func epochMilliseconds(_ date: Date) -> Int64 {
        let limit = 8.64e18
        let microseconds = (date.timeIntervalSince1970 * 1_000_000).rounded()
        guard microseconds.isFinite else { return 0 }
        return floorDivide(Int64(min(max(microseconds, -limit), limit)), 1000)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Howard Hinnant's civil_from_days: proleptic Gregorian date of a day count.
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Four digits for years 0...9999, otherwise JavaScript's signed six-digit form.
    private static func yearText(_ year: Int64) -> String {
        if (0...9999).contains(year) { return pad(year, 4) }
        return (year < 0 ? "-" : "+") + pad(abs(year), 6)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
