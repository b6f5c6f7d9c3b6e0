import Foundation

extension TimeOfDay {
    private static let secondsPerDay: Double = 86_400

    /// The first moment strictly after `date` whose UTC time of day is this one.
    /// POSIX time has exactly 86,400 seconds per day, so no calendar is needed.
    func firstOccurrence(after date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        let startOfDay = (seconds / Self.secondsPerDay).rounded(.down) * Self.secondsPerDay
        var candidate = startOfDay + Double(secondsIntoDay)
        if candidate <= seconds {
            candidate += Self.secondsPerDay
        }
        return Date(timeIntervalSince1970: candidate)
    }
}
