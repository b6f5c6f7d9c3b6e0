public import Foundation

/// Discord's timestamp markup, shown in each reader's own time zone.
public enum DiscordTimestamp {
    /// `f`: "15 October 2025 14:30"; `R`: "in 24 hours".
    public enum Style: String, Sendable {
        case shortDateTime = "f"
        case relative = "R"
    }

    /// `<t:1760538600:f>`; seconds are rounded down like the seed's `Math.floor(ms / 1000)`.
    public static func markup(_ date: Date, _ style: Style) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let unix = seconds.isFinite ? Int64(max(min(seconds, 8.64e12), -8.64e12)) : 0
        return "<t:\(unix):\(style.rawValue)>"
    }
}
