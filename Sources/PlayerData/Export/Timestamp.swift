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
