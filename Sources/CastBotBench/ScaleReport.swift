import Foundation

/// Everything `castbot-bench scale` measured, and its table. Targets are printed next to the
/// figures for the reader; nothing here fails a run for missing one.
package struct ScaleReport: Sendable, CustomStringConvertible {
    /// The settings, one line each ("guilds scheduled: 1000").
    package var settings: [(String, String)] = []
    package var setupInteractions = LatencySummary([])
    package var setupDeferred = 0
    package var setupRefused = 0
    package var setupRunsDelivered = 0
    package var setupDuplicates = 0

    package var runsDue = 0
    package var runs = ScaleFigures.RunOutcomes(runs: [], firstDue: Date())
    package var floorSeconds = 0.0
    package var botRequests = 0
    package var webhookExecutions = 0
    package var rateLimited = 0
    package var globalRateLimited = 0
    /// Bot-token requests on the webhook routes that deliveries made (see `SandboxTraffic`).
    package var deliveryRequests = 0
    /// Bot-token requests of the phase by route, most first: where a run's requests go.
    package var botRequestsByRoute: [(String, Int)] = []

    package var peakRSSBytes = 0
    package var peakRSSDuringRunsBytes = 0
    package var cpuSecondsDuringRuns = 0.0
    package var bytesWrittenDuringRuns = 0

    package var probe = LatencySummary([])
    package var probeDeferred = 0
    package var probeRejected = 0

    package var pings = PingResults()

    package var stopsRequested = 0
    package var directMessagesDelivered = 0
    /// From each stopped schedule's refused webhook creation to its admin's DM.
    package var stopDirectMessageDelays = LatencySummary([])
    package var warnings: [String] = []

    package init() {}

    /// Not a number (printed "-") when no run landed.
    package var floorRatio: Double { floorSeconds > 0 && runs.delivered > 0 ? runs.lastLandingOffset / floorSeconds : .nan }
    /// Runs that consumed CPU in the phase: delivered ones and the ones that stopped their schedule.
    package var cpuMillisecondsPerRun: Double { cpuSecondsDuringRuns * 1_000 / Double(max(1, runs.delivered + stopsRequested)) }
    package var bytesWrittenPerDeliveredRun: Double { runs.delivered > 0 ? Double(bytesWrittenDuringRuns) / Double(runs.delivered) : .nan }
    package var rateLimitedPercent: Double {
        let sent = botRequests + webhookExecutions
        return sent > 0 ? Double(rateLimited) * 100 / Double(sent) : .nan
    }
    package var deliveryRequestsPerRun: Double { runs.delivered > 0 ? Double(deliveryRequests) / Double(runs.delivered) : .nan }

    package var description: String {
        var lines = settings.map { "\($0.0): \($0.1)" }
        lines.append("")
        lines.append(Self.row("figure", "value", "target"))
        let mib = 1_048_576.0
        let rows: [(String, String, String)] = [
            ("schedule modal submits", "\(setupInteractions)", ""),
            ("  deferred / refused", "\(setupDeferred) / \(setupRefused)", "0 / 0"),
            ("first runs (5 s after each submit) delivered", "\(setupRunsDelivered)", ""),
            ("  duplicate posts", "\(setupDuplicates)", "0"),
            ("runs due in the measured phase", "\(runsDue)", ""),
            ("  delivered / missing", "\(runs.delivered) / \(runs.missing)", "all / 0"),
            ("  duplicate posts", "\(runs.duplicates)", "0"),
            ("  lateness (landing − due)", "\(LatencySummary(runs.lateness))", ""),
            ("  last landing after first due", Self.fixed(runs.lastLandingOffset, 1) + " s", ""),
            ("  Discord's floor", Self.fixed(floorSeconds, 1) + " s", ""),
            ("  last landing / floor", Self.fixed(floorRatio, 2) + "x", "≤ 1.10x"),
            ("  bot-token requests / webhook executions", "\(botRequests) / \(webhookExecutions)", ""),
            ("  answered 429 (of all requests) / global", "\(rateLimited) (\(Self.fixed(rateLimitedPercent, 2)) %) / \(globalRateLimited)", "< 0.1 % / 0"),
            ("  bot-token requests per delivered run", Self.fixed(deliveryRequestsPerRun, 2), "2.00"),
            ("peak RSS (whole process life)", Self.fixed(Double(peakRSSBytes) / mib, 1) + " MiB", "≤ 256 MiB"),
            ("  peak RSS while the runs were due", Self.fixed(Double(peakRSSDuringRunsBytes) / mib, 1) + " MiB", "≤ 256 MiB"),
            ("CPU per run", Self.fixed(cpuMillisecondsPerRun, 2) + " ms", "≤ 5 ms"),
            ("bytes written per delivered run", Self.fixed(bytesWrittenPerDeliveredRun / 1_024, 1) + " KiB", "≤ 16 KiB"),
            ("/menu while runs were due", "\(probe)", "p99 < 10 ms, max < 50 ms"),
            ("  deferred / rejected", "\(probeDeferred) / \(probeRejected)", "0 / 0"),
            ("PING while runs were due", "\(LatencySummary(pings.answered))", "p99 < 10 ms, max < 50 ms"),
            ("  answered 503 / failed", "\(pings.turnedAway) / \(pings.failed)", "0 / 0"),
            ("schedules stopped at once (channel deleted)", "\(stopsRequested)", ""),
            ("  DMs delivered / lost", "\(directMessagesDelivered) / \(stopsRequested - directMessagesDelivered)", "all / 0"),
            ("  DM after its stop", "\(stopDirectMessageDelays)", "max ≤ 60 s"),
        ]
        lines += rows.map { Self.row($0.0, $0.1, $0.2) }
        if !botRequestsByRoute.isEmpty {
            lines.append("bot-token requests by route: " + botRequestsByRoute.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        lines += warnings.map { "warning: \($0)" }
        lines.append("")
        lines += Self.howMeasured
        return lines.joined(separator: "\n")
    }

    /// How each figure is obtained, printed under the table so a reader need not guess.
    static let howMeasured = [
        "how measured: the phase runs from 3 s before the first due instant until every run landed and every stop DM arrived.",
        "- lateness: the sandbox's timestamp of the run's export message minus its daily_at instant.",
        "- floor: the phase's bot-token requests (or webhook executions, if more) per run, sent in deadline order at 50/s;",
        "  for runs due together, all of them divided by 50/s. Ratio: last landing after the first due over the floor.",
        "- peak RSS: VmHWM of castbot serve; for the phase, after resetting it (clear_refs) 3 s before the first due.",
        "- CPU: utime+stime of castbot serve over the phase (the /menu probes included) over delivered plus stopped runs.",
        "- bytes written: write_bytes of castbot serve over the phase (its log goes through a pipe, not counted) over delivered runs.",
        "- /menu: signed slash commands at a steady rate during the phase, timed from send to full answer; deferred = type 5/6.",
        "- PING: signed type-1 interactions every 200 ms over one kept-alive connection, timed from send to full answer.",
        "- 429s: sandbox answers 429 over all bot-token requests and webhook executions; global = X-RateLimit-Scope global.",
        "- requests per delivered run: bot-token requests on the webhook routes (create, list, delete) not answered 429 or 404, over delivered runs.",
        "- DM after its stop: the sandbox's time of the DM minus that of the stopped schedule's refused webhook creation (404).",
        "- duplicates: export messages of the same run beyond the first (a run is told by the start time in its filename).",
    ]

    private static func row(_ figure: String, _ value: String, _ target: String) -> String {
        pad(figure, 46) + " " + pad(value, 52) + " " + target
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "-"
    }
}
