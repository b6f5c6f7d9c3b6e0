/// Sizes as the seed's messages show them: `179.7 KB`, `14.3 MB` (1 KB = 1024 bytes).
public enum ByteSizeText {
    public static func describe(_ bytes: Int) -> String {
        let value = Double(max(0, bytes))
        if value < 1024 { return "\(max(0, bytes)) B" }
        if value < 1024 * 1024 { return oneDecimal(value / 1024) + " KB" }
        if value < 1024 * 1024 * 1024 { return oneDecimal(value / (1024 * 1024)) + " MB" }
        return oneDecimal(value / (1024 * 1024 * 1024)) + " GB"
    }

    /// Like JavaScript's `toFixed(1)`, independent of locale.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
