/// When a schedule's runs are due after its first run.
///
/// Runs fall on a grid of absolute deadlines `anchor + k × interval`. Without a time of day the
/// anchor is the moment the schedule started; with one, the grid passes through that UTC time of
/// day (with a 24-hour interval: every day at `HH:MM` UTC).
package struct ScheduleCadence: Hashable, Sendable, Codable, CustomStringConvertible {
    package let interval: ScheduleInterval
    /// When set, the grid passes through this UTC time of day instead of the start time.
    package let anchoredAt: TimeOfDay?

    package init(interval: ScheduleInterval, anchoredAt: TimeOfDay? = nil) {
        self.interval = interval
        self.anchoredAt = anchoredAt
    }

    package static func every(_ interval: ScheduleInterval) -> ScheduleCadence {
        ScheduleCadence(interval: interval)
    }

    /// Every day at `time` UTC.
    package static func daily(at time: TimeOfDay) -> ScheduleCadence {
        ScheduleCadence(interval: .oneDay, anchoredAt: time)
    }

    /// Reads the export modal's fields: `intervalMinutes` 0 means "stop" (returns nil), otherwise
    /// 1...10080; a non-empty `dailyAt` anchors the runs to that `HH:MM` UTC.
    package static func parse(intervalMinutes: Int, dailyAt: String? = nil) throws(SchedulingError) -> ScheduleCadence? {
        if intervalMinutes == 0 { return nil }
        let interval = try ScheduleInterval(minutes: intervalMinutes)
        guard let text = dailyAt, !text.allSatisfy(\.isWhitespace) else {
            return .every(interval)
        }
        return ScheduleCadence(interval: interval, anchoredAt: try TimeOfDay(parsing: text))
    }

    /// A short label for the type of cadence: "interval", "daily" or "anchored".
    package var label: String {
        switch anchoredAt {
        case nil: "interval"
        case .some where interval == .oneDay: "daily"
        case .some: "anchored"
        }
    }

    /// "every 24 hours (1440 minutes)", "daily at 03:00 UTC", "every 6 hours (360 minutes) from 03:00 UTC".
    package var description: String {
        switch anchoredAt {
        case nil: "every \(interval)"
        case .some(let time) where interval == .oneDay: "daily at \(time) UTC"
        case .some(let time): "every \(interval) from \(time) UTC"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case interval = "intervalMilliseconds"
        case anchoredAt
    }
}
