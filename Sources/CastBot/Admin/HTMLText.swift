import Foundation

/// Text put into HTML. Everything shown on the status page goes through `escape`: guild names,
/// failure messages and ids come from users or from Discord.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `2025-10-15 14:30 UTC`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// `3 h ago`, `in 12 min`: the coarsest unit that fits.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let amount = span(abs(seconds))
        return seconds < 0 ? "\(amount) ago" : "in \(amount)"
    }

    static func span(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<60: "\(Int(seconds)) s"
        case ..<3_600: "\(Int(seconds / 60)) min"
        case ..<172_800: "\(Int(seconds / 3_600)) h"
        default: "\(Int(seconds / 86_400)) d"
        }
    }

    /// `12.3 KB`, `4.1 MB` (powers of 1024, as the export messages show sizes).
    static func bytes(_ count: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}

/// An inline SVG bar chart of export sizes over a schedule's last runs, oldest on the left. Runs
/// that delivered nothing are drawn as a short red mark on the baseline, so a run of failures shows.
enum SizeChart {
    static let width = 160
    static let height = 36

    /// `runs` newest first, as the run history returns them.
    static func svg(runs: [RunHistoryEntry]) -> String {
        guard !runs.isEmpty else { return "<span class=\"muted\">no runs yet</span>" }
        let ordered = Array(runs.reversed())
        let largest = max(ordered.compactMap(\.exportByteCount).max() ?? 1, 1)
        let slot = Double(width) / Double(ordered.count)
        let barWidth = max(1, slot * 0.7)
        var shapes = ""
        for (index, run) in ordered.enumerated() {
            let x = Double(index) * slot + (slot - barWidth) / 2
            if let size = run.exportByteCount {
                let barHeight = max(2, Double(height - 2) * Double(size) / Double(largest))
                let fill = run.verified == false ? "#b45309" : "#2563eb"
                shapes += "<rect x=\"\(number(x))\" y=\"\(number(Double(height) - barHeight))\" width=\"\(number(barWidth))\" height=\"\(number(barHeight))\" fill=\"\(fill)\"/>"
            } else {
                shapes += "<rect x=\"\(number(x))\" y=\"\(height - 4)\" width=\"\(number(barWidth))\" height=\"4\" fill=\"#dc2626\"/>"
            }
        }
        let delivered = ordered.compactMap(\.exportByteCount)
        let label: String
        if let first = delivered.first, let last = delivered.last {
            label = "Export size over the last \(ordered.count) runs: \(HTMLText.bytes(first)) to \(HTMLText.bytes(last)); "
                + "\(ordered.count - delivered.count) without an export"
        } else {
            label = "No export delivered in the last \(ordered.count) runs"
        }
        return "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + "<title>\(HTMLText.escape(label))</title>\(shapes)</svg>"
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
