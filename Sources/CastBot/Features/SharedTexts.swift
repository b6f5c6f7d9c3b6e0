import Foundation

/// Discord's timestamp markup, shown in each reader's own time zone.
enum DiscordTimestamp {
    /// `f`: "15 October 2025 14:30"; `R`: "in 24 hours".
    enum Style: String, Sendable {
        case shortDateTime = "f"
        case relative = "R"
    }

    /// `<t:1760538600:f>`; seconds are rounded down like the seed's `Math.floor(ms / 1000)`.
    static func markup(_ date: Date, _ style: Style) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let unix = seconds.isFinite ? Int64(max(min(seconds, 8.64e12), -8.64e12)) : 0
        return "<t:\(unix):\(style.rawValue)>"
    }
}

/// Sizes as the seed's messages show them: `179.7 KB`, `14.3 MB` (1 KB = 1024 bytes).
package enum ByteSizeText {
    package static func describe(_ bytes: Int) -> String {
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
