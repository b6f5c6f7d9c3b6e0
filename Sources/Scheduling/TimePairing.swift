import Foundation

/// One reading of the scheduler's clock and of the wall clock taken together, used to translate
/// between clock instants (what the loop sleeps on) and dates (what people see, and `HH:MM` anchors).
struct TimePairing<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Offsets beyond this many seconds (about 31,000 years) are clamped instead of overflowing.
    private static var maxOffsetSeconds: Double { 1e12 }

    let instant: Instant
    let date: Date

    func date(of other: Instant) -> Date {
        date.addingTimeInterval(DurationText.timeInterval(instant.duration(to: other)))
    }

    func instant(of other: Date) -> Instant {
        let offset = other.timeIntervalSince(date)
        let clamped = offset.isNaN ? 0 : min(max(offset, -Self.maxOffsetSeconds), Self.maxOffsetSeconds)
        return instant.advanced(by: .seconds(clamped))
    }
}
