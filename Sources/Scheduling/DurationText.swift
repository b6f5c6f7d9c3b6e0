import Foundation

/// Turns durations into the short phrases shown to people ("10 minutes", "1.5 seconds") and
/// converts between `Duration` and Foundation's `TimeInterval`.
package enum DurationText {
    package static func describe(_ duration: Duration) -> String {
        let seconds = timeInterval(duration)
        let units: [(size: Double, singular: String)] = [
            (604_800, "week"), (86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second"),
        ]
        for unit in units where abs(seconds) >= unit.size {
            return phrase(seconds / unit.size, unit.singular)
        }
        if seconds == 0 { return "0 seconds" }
        return phrase(seconds * 1_000, "millisecond")
    }

    package static func timeInterval(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) * 1e-18
    }

    package static func duration(_ interval: TimeInterval) -> Duration {
        .seconds(interval)
    }

    private static func phrase(_ value: Double, _ singular: String) -> String {
        let rounded = (value * 100).rounded() / 100
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(number) \(singular)\(rounded == 1 ? "" : "s")"
    }
}
