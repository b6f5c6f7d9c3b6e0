public import Foundation

/// Why a health monitor request was refused; nothing was changed.
public enum HealthMonitorError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Hours outside 0.016...168 (0 stops).
    case hoursOutOfRange(Double)
    case invalidID(field: String, value: String)
    case schedulerRefused(String)

    public var description: String {
        switch self {
        case .hoursOutOfRange(let hours):
            "\(hours) hours is not allowed. Use a number of hours from 0.016 (about 1 minute) to 168 (one week), or 0 to stop the health monitor."
        case .invalidID(let field, let value):
            "The \(field) \"\(value.prefix(40))\" is not a Discord id (17 to 20 digits)."
        case .schedulerRefused(let reason):
            "The health monitor was not changed: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
