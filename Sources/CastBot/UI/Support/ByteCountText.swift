/// Sizes as the seed's messages show them: "179.7 KB", "3.4 MB".
enum ByteCountText {
    static func describe(_ bytes: Int) -> String {
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 {
            return "\(oneDecimal(kilobytes)) KB"
        }
        return "\(oneDecimal(kilobytes / 1024)) MB"
    }

    /// "~180 KB": the rounded estimate of the confirmation message.
    static func estimate(_ bytes: Int) -> String {
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 {
            return "~\(Int(kilobytes.rounded(.up))) KB"
        }
        return "~\(oneDecimal(kilobytes / 1024)) MB"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
