public import Foundation
import Scheduling

/// Why a schedule request was refused. Each message says what was wrong and what is allowed; a
/// refused request changes nothing.
public enum ExportScheduleError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The interval text is not a number of minutes nor `90m`, `6h`, `1d`, `1w`.
    case invalidIntervalText(String)
    /// Minutes outside 1...10080 (0 stops).
    case intervalOutOfRange(Int)
    /// `daily_at` is not `HH:MM` UTC.
    case invalidDailyTime(String)
    /// The restart policy is not `clear` or `resume`.
    case invalidRestartPolicy(String)
    /// An id that is not a Discord snowflake (digits only).
    case invalidID(field: String, value: String)
    /// The scheduler refused for another reason (e.g. the service is shutting down).
    case schedulerRefused(String)

    /// The interval forms the modal accepts, for messages.
    public static let allowedIntervalForms =
        "a number of minutes from 1 to 10080 (0 stops the schedule), or 90m, 6h, 1d, 1w"

    public var description: String {
        switch self {
        case .invalidIntervalText(let text):
            "\"\(text.prefix(40))\" is not an interval. Use \(Self.allowedIntervalForms)."
        case .intervalOutOfRange(let minutes):
            "An interval of \(minutes) minutes is out of range. Use \(Self.allowedIntervalForms)."
        case .invalidDailyTime(let text):
            "\"\(text.prefix(40))\" is not a time of day. Use HH:MM in UTC, from 00:00 to 23:59 (for example 03:00), or leave it empty."
        case .invalidRestartPolicy(let text):
            "\"\(text.prefix(40))\" is not a restart policy. Use \"clear\" (the schedule stops when the bot restarts) or \"resume\" (it continues)."
        case .invalidID(let field, let value):
            "The \(field) \"\(value.prefix(40))\" is not a Discord id (17 to 20 digits)."
        case .schedulerRefused(let reason):
            "The schedule was not changed: \(reason)"
        }
    }

    public var errorDescription: String? { description }

    /// Maps the scheduler's validation errors onto the modal's words.
    init(_ error: SchedulingError, request: ExportScheduleRequest) {
        switch error {
        case .intervalMinutesOutOfRange(let minutes): self = .intervalOutOfRange(minutes)
        case .invalidTimeOfDay(let text): self = .invalidDailyTime(text)
        case .invalidRestartPolicy(let text): self = .invalidRestartPolicy(text)
        default: self = .schedulerRefused(error.description)
        }
    }
}
