import Foundation

/// Reads the schedule modal's "Export every X minutes" field: whole minutes 0–10080, or a whole
/// number with a unit: `90m`, `6h`, `1d`, `1w`. 0 stops the schedule. Anything else (fractions,
/// signs, exponents, other units, empty) is refused with a message naming the allowed forms.
public enum IntervalParser {
    public static let maximumMinutes = 10_080
    public static let allowedForms =
        "a whole number of minutes from 1 to 10080, or a number with a unit: 90m, 6h, 1d, 1w (0 stops the schedule)"

    private static let unitMinutes: [Character: Int] = ["m": 1, "h": 60, "d": 1_440, "w": 10_080]
    /// More digits than any allowed value needs; stops overflow before it can happen.
    private static let maximumDigits = 6

    /// Minutes, 0...10080.
    public static func minutes(from text: String) throws(IntervalParseError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { throw IntervalParseError(input: text, reason: "it is empty") }
        var digits = Substring(trimmed)
        var factor = 1
        if let last = digits.last, let unit = unitMinutes[last] {
            factor = unit
            digits = digits.dropLast()
            while digits.last == " " { digits = digits.dropLast() }
        }
        guard !digits.isEmpty, digits.count <= maximumDigits,
            digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(digits)
        else {
            throw IntervalParseError(input: text, reason: "it is not one of the allowed forms")
        }
        let minutes = number * factor
        guard minutes <= maximumMinutes else {
            throw IntervalParseError(input: text, reason: "that is \(minutes) minutes, more than the maximum of 10080 (1 week)")
        }
        return minutes
    }
}

/// Why an interval was refused; the description is the message the user sees.
public struct IntervalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let input: String
    public let reason: String

    public var description: String {
        let shown = input.count > 40 ? String(input.prefix(40)) + "…" : input
        return "**Export every X minutes**: \"\(shown)\" can't be used because \(reason). Use \(IntervalParser.allowedForms)."
    }
}
