/// A time of day in UTC, minute precision, written `HH:MM`.
package struct TimeOfDay: Hashable, Sendable, Codable, CustomStringConvertible {
    package let hour: Int
    package let minute: Int

    package init(hour: Int, minute: Int) throws(SchedulingError) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw .invalidTimeOfDay("\(hour):\(minute)")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (a one-digit hour is accepted; surrounding spaces are ignored).
    package init(parsing text: String) throws(SchedulingError) {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
            (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw .invalidTimeOfDay(text)
        }
        self.hour = hour
        self.minute = minute
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try TimeOfDay(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Seconds after midnight UTC.
    package var secondsIntoDay: Int { hour * 3_600 + minute * 60 }

    /// "03:00".
    package var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
