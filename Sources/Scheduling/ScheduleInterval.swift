/// The time between two runs of a schedule, validated on creation.
///
/// Stored as whole milliseconds so that saved schedules read plainly and round-trip exactly.
package struct ScheduleInterval: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the export modal accepts ("Export every X minutes"; 0 is handled as "stop" by the caller).
    package static let allowedMinutes: ClosedRange<Int> = 1...10_080
    /// What the health monitor accepts ("every N hours").
    package static let allowedHours: ClosedRange<Double> = 0.016...168
    /// Any interval the engine runs: a little under the health monitor's minimum up to one week.
    package static let allowedRange: ClosedRange<Duration> = .seconds(10)...(.seconds(604_800))

    package let milliseconds: Int64

    package var duration: Duration { .milliseconds(milliseconds) }

    /// An interval of whole minutes, 1...10080.
    package init(minutes: Int) throws(SchedulingError) {
        guard Self.allowedMinutes.contains(minutes) else {
            throw .intervalMinutesOutOfRange(minutes)
        }
        milliseconds = Int64(minutes) * 60_000
    }

    /// An interval in hours, 0.016...168 (fractions allowed).
    package init(hours: Double) throws(SchedulingError) {
        guard hours.isFinite, Self.allowedHours.contains(hours) else {
            throw .intervalHoursOutOfRange(hours)
        }
        milliseconds = Int64((hours * 3_600_000).rounded())
    }

    /// Any duration within `allowedRange`, rounded to whole milliseconds.
    package init(_ duration: Duration) throws(SchedulingError) {
        guard Self.allowedRange.contains(duration) else {
            throw .intervalOutOfRange(duration)
        }
        milliseconds = duration.wholeMilliseconds
    }

    /// One day, the interval of a daily schedule.
    package static let oneDay = ScheduleInterval(validMilliseconds: 86_400_000)

    private init(validMilliseconds: Int64) {
        milliseconds = validMilliseconds
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let stored = try container.decode(Int64.self)
        let range = Self.allowedRange
        let lowest = Int64(range.lowerBound.components.seconds) * 1_000
        let highest = Int64(range.upperBound.components.seconds) * 1_000
        guard (lowest...highest).contains(stored) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Interval \(stored) ms is outside \(lowest)...\(highest) ms."
            )
        }
        milliseconds = stored
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }

    /// Whole minutes when the interval is a whole number of minutes.
    package var wholeMinutes: Int? {
        milliseconds % 60_000 == 0 ? Int(milliseconds / 60_000) : nil
    }

    /// "24 hours (1440 minutes)", "30 minutes", "57.6 seconds".
    package var description: String {
        let text = DurationText.describe(duration)
        if let minutes = wholeMinutes, minutes >= 60 {
            return "\(text) (\(minutes) minutes)"
        }
        return text
    }
}
