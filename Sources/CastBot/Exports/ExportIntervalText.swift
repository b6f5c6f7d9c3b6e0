/// Reads the modal's interval field: whole minutes (`1440`), or a number with a unit:
/// `90m`, `6h`, `1d`, `1w` (case and spaces ignored). `0` stops the schedule.
public enum ExportIntervalText {
    /// Minutes for the text; throws `invalidIntervalText` for anything else, `intervalOutOfRange`
    /// for values outside 0...10080.
    public static func minutes(from text: String) throws(ExportScheduleError) -> Int {
        let compact = String(text.lowercased().filter { !$0.isWhitespace })
        guard let last = compact.last else { throw .invalidIntervalText(text) }
        let multiplier: Int
        let digits: Substring
        switch last {
        case "m": (multiplier, digits) = (1, compact.dropLast())
        case "h": (multiplier, digits) = (60, compact.dropLast())
        case "d": (multiplier, digits) = (1_440, compact.dropLast())
        case "w": (multiplier, digits) = (10_080, compact.dropLast())
        default: (multiplier, digits) = (1, Substring(compact))
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
            throw .invalidIntervalText(text)
        }
        let minutes = value * multiplier
        guard minutes == 0 || (1...10_080).contains(minutes) else { throw .intervalOutOfRange(minutes) }
        return minutes
    }
}
