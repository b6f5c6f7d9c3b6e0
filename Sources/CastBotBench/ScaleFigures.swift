import Foundation

/// The arithmetic of `castbot-bench scale`, apart from any process or socket so it can be tested.
package enum ScaleFigures {
    /// Discord's global limit per bot token (and, for webhook executions, per IP address).
    package static let discordRequestsPerSecond = 50.0

    /// When the last of `dueOffsets` (seconds after the first due instant) could complete at the
    /// earliest if each run needed `requestsPerRun` requests and nothing but Discord's limit held
    /// them back: runs go out in deadline order at `rate` requests per second. For runs all due
    /// at once this is simply all their requests divided by the rate.
    package static func floorSeconds(dueOffsets: [Double], requestsPerRun: Double, rate: Double = discordRequestsPerSecond) -> Double {
        var finished = 0.0
        for due in dueOffsets.sorted() {
            finished = max(finished, due) + requestsPerRun / rate
        }
        return finished
    }

    /// The run time in an export's filename (`playerdata-scheduled-<guild>-2026-12-03T03-00-00-123Z.json`,
    /// also `.json.gz` and numbered parts): the run's start, which is never before its due time.
    package static func runDate(fromFilename filename: String) -> Date? {
        guard let zulu = filename.range(of: "Z.json", options: .backwards) else { return nil }
        let stampEnd = filename.index(after: zulu.lowerBound)
        guard filename.distance(from: filename.startIndex, to: stampEnd) >= 24 else { return nil }
        let stamp = filename[filename.index(stampEnd, offsetBy: -24)..<stampEnd]
        // 2026-12-03T03-00-00-123Z → 2026-12-03T03:00:00.123Z
        var characters = Array(stamp)
        guard characters.count == 24, characters[10] == "T" else { return nil }
        characters[13] = ":"
        characters[16] = ":"
        characters[19] = "."
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: String(characters))
    }

    /// `HH:MM` in UTC, as the schedule modal's `daily_at` takes it.
    package static func dailyAtText(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let minuteOfDay = ((seconds / 60) % 1_440 + 1_440) % 1_440
        let (hours, minutes) = (minuteOfDay / 60, minuteOfDay % 60)
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    /// The first whole UTC minute at least `lead` seconds after `now`.
    package static func minuteBoundary(after now: Date, lead: TimeInterval) -> Date {
        let earliest = now.timeIntervalSince1970 + lead
        return Date(timeIntervalSince1970: (earliest / 60).rounded(.up) * 60)
    }

    /// Spread mode: guild `index` of `count` is due `⌊index·minutes/count⌋` whole minutes after
    /// the first due instant (daily_at has minute resolution).
    package static func spreadMinuteOffset(index: Int, count: Int, minutes: Int) -> Int {
        guard count > 0, minutes > 1 else { return 0 }
        return index * minutes / count
    }

    /// Lateness of landed runs and duplicate posts, from each run's due time and the times its
    /// export messages landed.
    package struct RunOutcomes: Sendable, Equatable {
        package var lateness: [Duration] = []
        package var delivered = 0
        package var missing = 0
        /// Messages beyond the first for the same run.
        package var duplicates = 0
        /// Seconds from the first due instant to the last landing.
        package var lastLandingOffset = 0.0

        package init(runs: [(due: Date, landings: [Date])], firstDue: Date) {
            for run in runs {
                guard let first = run.landings.min() else {
                    missing += 1
                    continue
                }
                delivered += 1
                duplicates += run.landings.count - 1
                lateness.append(.milliseconds(Int64((first.timeIntervalSince(run.due) * 1_000).rounded())))
                lastLandingOffset = max(lastLandingOffset, first.timeIntervalSince(firstDue))
            }
        }
    }
}
