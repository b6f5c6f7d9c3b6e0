import Scheduling

/// Cadences in the seed's words: "every 24 hours (1440 minutes)", "daily at 03:00 UTC".
enum CadenceText {
    static func describe(_ cadence: ScheduleCadence) -> String {
        let every = interval(cadence.interval)
        switch cadence.anchoredAt {
        case nil: return "every \(every)"
        case .some(let time) where cadence.interval == .oneDay: return "daily at \(time) UTC"
        case .some(let time): return "every \(every) from \(time) UTC"
        }
    }

    /// Whole hours are said in hours with the minutes after them, as the seed does.
    static func interval(_ interval: ScheduleInterval) -> String {
        guard let minutes = interval.wholeMinutes else { return interval.description }
        if minutes % 60 == 0 {
            let hours = minutes / 60
            return "\(hours) hour\(hours == 1 ? "" : "s") (\(minutes) minutes)"
        }
        return "\(minutes) minute\(minutes == 1 ? "" : "s")"
    }
}
