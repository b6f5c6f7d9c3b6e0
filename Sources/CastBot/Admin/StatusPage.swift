import Foundation
import Scheduling

/// One page of `GET /status`: schedules needing attention first (overdue, failing, disabled),
/// then the stalest, `pageSize` at a time. Plain HTML with inline CSS and SVG: no script, so it
/// loads over a slow tunnel and reads on a phone (the table turns into cards on narrow screens).
struct StatusPage {
    static let pageSize = 50
    /// Runs drawn in each schedule's size chart.
    static let chartRuns = 20

    struct ScheduleRow {
        var health: ScheduleHealth
        var guildName: String?
        /// Newest first.
        var runs: [RunHistoryEntry]
    }

    /// Counts over every schedule, not just this page.
    var counts: [ScheduleHealth.Condition: Int]
    var total: Int
    var page: Int
    var pageCount: Int
    var rows: [ScheduleRow]
    var now: Date

    /// Attention first, then the stalest, then by key so the order is stable between loads.
    static func ordered(_ schedules: [ScheduleHealth]) -> [ScheduleHealth] {
        schedules.sorted { a, b in
            if a.condition != b.condition { return a.condition < b.condition }
            if a.staleness != b.staleness { return a.staleness > b.staleness }
            return a.status.key < b.status.key
        }
    }

    /// The guild a server export exports (its key names it; `info.guildID` is where it was set).
    static func exportedGuild(_ status: ScheduleStatus) -> String? {
        ExportScope(scheduleKey: status.key)?.guildID ?? status.info.guildID
    }

    static func pageCount(total: Int) -> Int {
        max(1, (total + pageSize - 1) / pageSize)
    }

    func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CastBot backups</title>
            <style>\(Self.css)</style></head><body>
            <header><h1>CastBot backups</h1><p class="muted">As of \(HTMLText.date(now)) · read-only</p>
            <ul class="summary">
            """
        out += "<li>\(total) schedule\(total == 1 ? "" : "s")</li>"
        for condition in ScheduleHealth.Condition.allCases {
            let count = counts[condition] ?? 0
            out += "<li class=\"state-\(condition.label)\"><span class=\"badge\">\(condition.label)</span> \(count)</li>"
        }
        out += "</ul></header><main>"
        if rows.isEmpty {
            out += "<p>No schedules.</p>"
        } else {
            out += """
                <table><thead><tr><th>Schedule</th><th>State</th><th>Cadence</th><th>Channel</th><th>Last run</th>\
                <th>Next run</th><th>Last outcome</th><th>Verified</th><th>Export size</th></tr></thead><tbody>
                """
            for row in rows { out += self.row(row) }
            out += "</tbody></table>"
        }
        out += navigation() + "</main></body></html>\n"
        return out
    }

    private func row(_ row: ScheduleRow) -> String {
        let health = row.health
        let status = health.status
        let condition = health.condition.label
        var cells = ""
        func cell(_ label: String, _ html: String) {
            cells += "<td data-label=\"\(label)\"><div>\(html)</div></td>"
        }
        cell("Schedule", "<strong>\(HTMLText.escape(title(row)))</strong><br><code>\(HTMLText.escape(status.key.rawValue))</code>")
        var state = "<span class=\"badge\">\(condition)</span>"
        if health.condition != .stopped, health.condition != .disabled {
            state += "<br><span class=\"muted\">last success \(health.lastSuccessAt.map { HTMLText.relative($0, now: now) } ?? "never")</span>"
        }
        cell("State", state)
        cell("Cadence", HTMLText.escape(status.cadence.description))
        cell("Channel", "<code>\(HTMLText.escape(status.info.channelID))</code>")
        if let last = status.lastRun {
            cell("Last run", "\(HTMLText.date(last.finishedAt))<br><span class=\"muted\">\(HTMLText.relative(last.finishedAt, now: now))</span>")
        } else {
            cell("Last run", "<span class=\"muted\">none yet</span>")
        }
        if let next = status.nextRunAt, status.isActive {
            cell("Next run", "\(HTMLText.date(next))<br><span class=\"muted\">\(HTMLText.relative(next, now: now))</span>")
        } else {
            let reason = status.stopReason.map { HTMLText.escape($0.message) } ?? "not scheduled"
            cell("Next run", "<span class=\"muted\">\(reason)</span>")
        }
        cell("Last outcome", outcome(status))
        cell("Verified", verification(health))
        var size = health.lastExport.map { HTMLText.bytes($0.byteCount) + "<br>" } ?? ""
        size += SizeChart.svg(runs: row.runs)
        cell("Export size", size)
        return "<tr class=\"state-\(condition)\">\(cells)</tr>\n"
    }

    private func title(_ row: ScheduleRow) -> String {
        switch row.health.kind {
        case "all": return "All servers export"
        case "health": return "Health report"
        default:
            let guild = StatusPage.exportedGuild(row.health.status) ?? "?"
            if let name = row.guildName { return "\(name) (\(guild))" }
            return "Server \(guild)"
        }
    }

    private func outcome(_ status: ScheduleStatus) -> String {
        guard let last = status.lastRun else { return "<span class=\"muted\">—</span>" }
        let word: String
        switch last.result.kind {
        case .succeeded: word = "succeeded"
        case .failed: word = "failed"
        case .timedOut: word = "timed out"
        case .cancelled: word = "cancelled"
        case .stoppedSchedule: word = "stopped the schedule"
        }
        var html = "<span class=\"outcome-\(last.result.kind.rawValue)\">\(word)</span>"
        if status.consecutiveFailures > 1 { html += " (\(status.consecutiveFailures) in a row)" }
        if let message = last.result.message, !message.isEmpty {
            html += "<br><span class=\"message\">\(HTMLText.escape(String(message.prefix(300))))</span>"
        }
        return html
    }

    private func verification(_ health: ScheduleHealth) -> String {
        guard health.kind != "health" else { return "<span class=\"muted\">—</span>" }
        guard let export = health.lastExport else { return "<span class=\"muted\">no export yet</span>" }
        switch export.verified {
        case true?: return "<span class=\"verified\">verified</span>"
        case false?: return "<span class=\"mismatch\">MISMATCH</span>"
        case nil: return "<span class=\"muted\">not checked</span>"
        }
    }

    private func navigation() -> String {
        guard pageCount > 1 else { return "" }
        var out = "<nav>"
        if page > 1 { out += "<a href=\"?page=\(page - 1)\">← previous</a> " }
        out += "page \(page) of \(pageCount)"
        if page < pageCount { out += " <a href=\"?page=\(page + 1)\">next →</a>" }
        return out + "</nav>"
    }

    static let css = """
        body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:1400px;color:#111;background:#fafafa}
        h1{font-size:1.4rem;margin:0}.muted{color:#666;font-size:.85em}code{font-size:.8em;word-break:break-all}
        .summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
        .badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#e5e7eb;font-weight:600}
        .state-overdue .badge{background:#fecaca;color:#7f1d1d}.state-failing .badge{background:#fed7aa;color:#7c2d12}
        .state-disabled .badge{background:#d1d5db;color:#111}.state-ok .badge{background:#bbf7d0;color:#14532d}
        tr.state-overdue,tr.state-failing{background:#fff7f7}
        .outcome-failed,.outcome-timedOut,.mismatch{color:#b91c1c;font-weight:600}.verified{color:#15803d}
        .message{font-size:.85em;color:#7f1d1d}td div{min-width:0;overflow-wrap:anywhere}
        nav{margin:1rem 0}nav a{padding:.3rem .6rem;border:1px solid #999;border-radius:.3rem;text-decoration:none}
        @media (max-width:760px){thead{display:none}table,tbody,tr,td{display:block;width:auto}
        tr{margin:0 0 .8rem;border:1px solid #ddd;border-radius:.4rem;padding:.3rem}
        td{border:0;padding:.2rem .3rem;display:grid;grid-template-columns:6.5rem 1fr;gap:.5rem}
        td::before{content:attr(data-label);font-size:.75em;color:#666;text-transform:uppercase;padding-top:.15rem}}
        """
}
