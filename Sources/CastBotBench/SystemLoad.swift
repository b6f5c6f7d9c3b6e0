import CastBot
import Foundation

/// The machine's load averages, to judge how quiet it was during a measurement.
package enum SystemLoad {
    /// "1-, 5- and 15-minute load averages" from /proc/loadavg, or "unknown".
    package static func text() -> String {
        guard let contents = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return contents.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
