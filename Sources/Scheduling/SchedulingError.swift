import Foundation

/// Why a request to the scheduler was refused. Every message says what was wrong and what is allowed;
/// a refused request changes nothing.
package enum SchedulingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// An interval in minutes outside 1...10080 (0 means "stop" and is handled before this check).
    case intervalMinutesOutOfRange(Int)
    /// An interval in hours outside 0.016...168.
    case intervalHoursOutOfRange(Double)
    /// An interval given as a duration outside `ScheduleInterval.allowedRange`.
    case intervalOutOfRange(Duration)
    /// A time of day that is not `HH:MM` between 00:00 and 23:59.
    case invalidTimeOfDay(String)
    /// A run timeout outside `ScheduleSettings.allowedRunTimeouts`.
    case runTimeoutOutOfRange(Duration)
    /// A restart policy other than `clear` or `resume`.
    case invalidRestartPolicy(String)
    /// A schedule key that is empty or only whitespace.
    case emptyKey
    /// A first run more than 366 days ahead.
    case firstRunTooFarAhead(Date)
    /// A saved schedule whose dates are more than a century from now.
    case savedDateOutOfRange(Date)
    /// A saved schedule with a negative counter.
    case savedCountNegative
    /// The scheduler has been shut down and starts nothing new.
    case shutDown

    package var description: String {
        switch self {
        case .intervalMinutesOutOfRange(let minutes):
            "The interval must be between \(ScheduleInterval.allowedMinutes.lowerBound) and "
                + "\(ScheduleInterval.allowedMinutes.upperBound) minutes, or 0 to stop the schedule; got \(minutes)."
        case .intervalHoursOutOfRange(let hours):
            "The interval must be between \(ScheduleInterval.allowedHours.lowerBound) and "
                + "\(Int(ScheduleInterval.allowedHours.upperBound)) hours; got \(hours)."
        case .intervalOutOfRange(let duration):
            "The interval must be between \(DurationText.describe(ScheduleInterval.allowedRange.lowerBound)) and "
                + "\(DurationText.describe(ScheduleInterval.allowedRange.upperBound)); got \(DurationText.describe(duration))."
        case .invalidTimeOfDay(let text):
            "The daily time must be HH:MM in UTC, from 00:00 to 23:59 (for example 03:00); got \"\(text)\"."
        case .runTimeoutOutOfRange(let duration):
            "The run timeout must be between \(DurationText.describe(ScheduleSettings.allowedRunTimeouts.lowerBound)) and "
                + "\(DurationText.describe(ScheduleSettings.allowedRunTimeouts.upperBound)); got \(DurationText.describe(duration))."
        case .invalidRestartPolicy(let text):
            "The restart policy must be \"clear\" or \"resume\"; got \"\(text)\"."
        case .emptyKey:
            "A schedule needs a non-empty key."
        case .firstRunTooFarAhead(let date):
            "The first run must be at most 366 days ahead; got \(date.ISO8601Format())."
        case .savedDateOutOfRange(let date):
            "The saved schedule holds a date more than a century from now (\(date.ISO8601Format())); it was not restored."
        case .savedCountNegative:
            "The saved schedule holds a negative run count; it was not restored."
        case .shutDown:
            "The scheduler is shutting down and starts no new schedules."
        }
    }

    package var errorDescription: String? { description }
}
