/// "Every 24 hours (1440 minutes)", "Every 90 minutes (1.5 hours)", "Every 5 minutes".
enum IntervalText {
    static func every(_ minutes: Int) -> String {
        if minutes < 60 {
            return "Every \(minutes) minute\(minutes == 1 ? "" : "s")"
        }
        if minutes.isMultiple(of: 60) {
            let hours = minutes / 60
            return "Every \(hours) hour\(hours == 1 ? "" : "s") (\(minutes) minutes)"
        }
        let tenths = Int((Double(minutes) / 6).rounded())
        return "Every \(minutes) minutes (\(tenths / 10).\(tenths % 10) hours)"
    }
}
