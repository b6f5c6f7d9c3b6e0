import Foundation

/// Everything `castbot-bench cluster` measured, and its table. `passed` is the verdict the
/// command's exit status gives: no duplicate, no missing run, none later than the limit.
package struct ClusterReport: Sendable, CustomStringConvertible {
    /// One replica's figures over all its lives.
    package struct Replica: Sendable {
        package var name: String
        package var pids: [Int32]
        package var lives: Int
        package var peakResidentBytes: Int
        package var probesAnswered: Int
        package var probesFailed: Int
        package var probe: LatencySummary
        package var firstProbeFailure: String?
    }

    /// One SIGKILL and the restart after it.
    package struct Kill: Sendable {
        package var replica: String
        package var pid: Int32
        package var at: Date
        /// From the kill to the new life's first 200 on `/healthz`; nil if it never came.
        package var restartSeconds: Double?
        package var claimsHeld: Int
    }

    package var settings: [(String, String)] = []
    package var setup = LatencySummary([])
    package var setupRefused = 0
    package var window: (start: Date, end: Date)?
    package var schedulesInDatabase = 0
    package var tally = ClusterSlots.Tally([], lateLimit: 15)
    package var lateLimit: TimeInterval = 15
    package var claimRows = 0
    package var claimsByReplica: [(String, Int)] = []
    package var claimOutcomes: [(String, Int)] = []
    package var claimsStillRunning = 0
    package var replicas: [Replica] = []
    package var kills: [Kill] = []
    package var botRequests = 0
    package var webhookExecutions = 0
    package var rateLimited = 0
    /// Bot-token requests by route, most first: what a run costs against the shared limit.
    package var botRequestsByRoute: [(String, Int)] = []
    /// Problem slots, a few of each kind, already formatted.
    package var examples: [String] = []
    package var warnings: [String] = []

    package init() {}

    /// Schedules in the run, for the demand figure.
    package var schedules = 0

    /// Bot-token requests per claim row (every run claimed, setup's first runs included), and the
    /// rate all schedules need at one run a minute each.
    private var demandText: String {
        guard claimRows > 0 else { return "-" }
        let perRun = Double(botRequests) / Double(claimRows)
        return ScaleReport.fixed(perRun, 2) + " → " + ScaleReport.fixed(perRun * Double(schedules) / 60, 1) + "/s"
    }

    /// The saved schedules' `skippedRuns`, summed.
    package var skippedRuns = 0

    package var passed: Bool {
        tally.expected > 0 && tally.duplicates == 0 && tally.missing == 0 && tally.late == 0 && skippedRuns == 0
    }

    package var description: String {
        var lines = settings.map { "\($0.0): \($0.1)" }
        if let window {
            lines.append("measured window: due slots after \(Self.time(window.start)) through \(Self.time(window.end))")
        }
        lines.append("")
        lines.append(Self.row("figure", "value", "target"))
        let mib = 1_048_576.0
        var rows: [(String, String, String)] = [
            ("schedule modal submits", "\(setup)", ""),
            ("  refused", "\(setupRefused)", "0"),
            ("schedules in the database", "\(schedulesInDatabase)", ""),
            ("  deadlines skipped (their skippedRuns, summed)", "\(skippedRuns)", "0"),
            ("due runs expected in the window", "\(tally.expected)", ""),
            ("  delivered (a message in [slot, next slot))", "\(tally.delivered)", "all"),
            ("  duplicates (slots with 2+ messages)", "\(tally.duplicates)", "0"),
            ("  missing (slots with no message)", "\(tally.missing)", "0"),
            ("  lateness (first message − slot)", "\(LatencySummary(tally.lateness))", ""),
            ("  later than \(Int(lateLimit)) s", "\(tally.late)", "0"),
            ("  slots without a claim row", "\(tally.unclaimed)", "0"),
            ("  messages posted after their run's slot ended", "\(tally.postedAfterTheirSlot)", "0"),
            ("runs taken over from another replica", "\(tally.takenOver)", ""),
            ("  their lateness", "\(LatencySummary(tally.takeoverLateness))", ""),
            ("claim rows (all slots, setup included)", "\(claimRows)", ""),
            ("  still 'running' at the end", "\(claimsStillRunning)", "0"),
            ("  by outcome", claimOutcomes.map { "\($0.0) \($0.1)" }.joined(separator: ", "), ""),
            ("  by replica", claimsByReplica.map { "\($0.0) \($0.1)" }.joined(separator: ", "), ""),
            ("stops (SIGKILL, or SIGTERM with --graceful; restarted at once)", "\(kills.count)", ""),
            ("bot-token requests / webhook executions", "\(botRequests) / \(webhookExecutions)", ""),
            ("  answered 429", "\(rateLimited)", ""),
            ("  per claimed run / demand at one run a minute each", demandText, "≤ 50/s (Discord's limit per bot token)"),
        ]
        for replica in replicas {
            rows.append((
                "replica \(replica.name) (\(replica.lives) lives)",
                "peak RSS \(ScaleReport.fixed(Double(replica.peakResidentBytes) / mib, 1)) MiB", "≤ 256 MiB"
            ))
            rows.append(("  /menu probes answered / failed", "\(replica.probesAnswered) / \(replica.probesFailed)", "all / 0"))
            rows.append(("  /menu latency", "\(replica.probe)", ""))
        }
        lines += rows.map { Self.row($0.0, $0.1, $0.2) }
        if !botRequestsByRoute.isEmpty {
            lines.append("bot-token requests by route: " + botRequestsByRoute.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        for replica in replicas {
            if let failure = replica.firstProbeFailure { lines.append("\(replica.name) first failed probe: \(failure.prefix(200))") }
        }
        if !kills.isEmpty {
            lines.append("")
            lines.append("kills:")
            for kill in kills {
                let restart = kill.restartSeconds.map { ScaleReport.fixed($0, 1) + " s" } ?? "never healthy"
                lines.append("  \(Self.time(kill.at)) \(kill.replica) pid \(kill.pid): \(kill.claimsHeld) claims 'running' as it died, healthy again after \(restart)")
            }
        }
        if !examples.isEmpty {
            lines.append("")
            lines.append("slots worth a look (a few of each kind):")
            lines += examples.map { "  \($0)" }
        }
        lines += warnings.map { "warning: \($0)" }
        lines.append("")
        lines.append("verdict: " + (passed ? "PASS" : "FAIL (duplicates, missing runs, runs later than \(Int(lateLimit)) s or skipped deadlines)"))
        lines.append("")
        lines += Self.howMeasured
        return lines.joined(separator: "\n")
    }

    static let howMeasured = [
        "how measured: real time. Slots are each schedule's gridAnchor + k·interval read back from schedules.status; a",
        "  slot counts when it falls after the last schedule was created and at least one interval before the end of the run.",
        "- a slot's messages: the webhook export messages the sandbox stored in the guild's channel in [slot, slot + interval).",
        "- lateness: the sandbox's timestamp of the slot's first message minus the slot.",
        "- taken over: the slot's run_claims row has takeovers > 0.",
        "- probes: a signed /menu to each live replica every ~2 s (live: from a life's first /healthz 200 until its kill;",
        "  a kill waits for the probe in flight). Peak RSS: the highest VmHWM of any life, sampled every probe round.",
        "- the sandbox enforces Discord's 50 requests/s per bot token, shared by all replicas.",
    ]

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func time(milliseconds: Int64) -> String { time(Date(timeIntervalSince1970: Double(milliseconds) / 1_000)) }

    private static func row(_ figure: String, _ value: String, _ target: String) -> String {
        pad(figure, 48) + " " + pad(value, 56) + " " + target
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
