@testable import CastBot
import AsyncHTTPClient
import CastBotTestSupport
import DiscordSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Scheduling
import Testing

/// Backup health (docs/OPERATIONS.md) end to end: deliveries stopped by DiscordSandbox answering 500 raise the overdue
/// gauge on `/metrics`, the alert rule fires on the scraped series (promtool), and `/status` on
/// the admin listener, loaded in headless Chromium, shows every schedule in its state.
@Suite("Backup health end to end: metrics, alert, status page in a browser", .serialized, .timeLimit(.minutes(5)))
struct BackupHealthEndToEndTests {
    static let overdueSeries = #"castbot_backup_schedules_overdue{kind="server"}"#

    @Test("failing deliveries raise the overdue gauge, fire the overdue alert, and show on /status in each state")
    func failingDeliveries() async throws {
        let promtool = try AlertRulesTests.promtool()
        let chromium = try Self.chromium()
        try await StatusWorld.with { world in
            // One 429 on the healthy channel, so the rate-limit metrics the rules use exist too.
            await world.sandbox.injectFault(try SandboxFault.rateLimited("POST /channels/\(StatusWorld.channelOK)/webhooks", retryAfter: 1))
            try await world.startSchedules()
            var overdue: [Double] = []
            var metrics = try await world.get("/metrics", admin: false)
            #expect(metrics.status == 200)
            overdue.append(try #require(StatusWorld.sample(Self.overdueSeries, in: metrics.body)))
            for _ in 1...12 {
                await world.advance(by: .seconds(60))
                metrics = try await world.get("/metrics", admin: false)
                overdue.append(try #require(StatusWorld.sample(Self.overdueSeries, in: metrics.body), "\(metrics.body)"))
            }
            #expect(overdue.first == 0)
            #expect(overdue.last == 1, "overdue gauge by minute: \(overdue)")
            #expect(world.status(.guild(StatusWorld.guildOK))?.lastRun?.result.kind == .succeeded)
            #expect(world.status(.guild(StatusWorld.guildDisabled))?.stopReason?.kind == .autoDisabled)
            #expect(world.status(.guild(StatusWorld.guildOverdue))?.isActive == true)
            #expect(world.status(.all)?.lastRun?.result.isFailure == true)
            #expect(StatusWorld.sample(#"castbot_backup_schedules_auto_disabled{kind="server"}"#, in: metrics.body) == 1)
            #expect(StatusWorld.sample(#"castbot_backup_schedules_last_outcome{kind="all",outcome="failed"}"#, in: metrics.body) == 1)
            #expect(metrics.body.contains(#"castbot_backup_schedule_staleness_seconds{kind="server",schedule="export:guild:1200000000000000021"}"#))

            // The whole exposition parses; the backup gauges pass promtool's lint too (names, help).
            let check = try await promtool.run(["check", "metrics"], input: metrics.body)
            #expect(check.status != 1, "/metrics does not parse: \(check.output) \(check.errors)")
            let lint = (check.output + check.errors).split(separator: "\n").filter { $0.contains("castbot_backup_") }
            #expect(lint.isEmpty, "\(lint)")

            try await Self.expectOverdueAlertFires(on: overdue, promtool: promtool)
            try await Self.expectQueriedMetricsExported(world: world)
            try await Self.expectStatusPageInBrowser(world: world, chromium: chromium)

            // Not on the interactions listener; paging refuses what does not exist.
            #expect(try await world.get("/status", admin: false).status == 404)
            let beyond = try await world.get("/status?page=2", admin: true)
            #expect(beyond.status == 400 && beyond.body.contains("page must be a whole number from 1 to 1"), "\(beyond.body)")
            #expect(try await world.get("/status?page=abc", admin: true).status == 400)
        }
    }

    @Test("with a token configured, /status without it (or with a wrong one) is 401; with it, 200")
    func bearerToken() async throws {
        let secret = "status-token-0123456789abcdef"
        try await StatusWorld.with(adminToken: try requireValue(AdminToken(secret), "a valid token")) { world in
            let missing = try await world.get("/status", admin: true)
            #expect(missing.status == 401)
            #expect(missing.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(!missing.body.contains(secret))
            #expect(try await world.get("/status", admin: true, headers: [("Authorization", "Bearer wrong-token-0123456789")]).status == 401)
            #expect(try await world.get("/status", admin: true, headers: [("Authorization", secret)]).status == 401)
            let allowed = try await world.get("/status", admin: true, headers: [("Authorization", "Bearer \(secret)")])
            #expect(allowed.status == 200)
            #expect(allowed.body.contains("CastBot backups"))
            #expect(allowed.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        }
    }

    static func chromium() throws -> ExternalTool {
        try ExternalTool.locate("chromium", alternatives: ["/usr/bin/chromium-browser", "/usr/bin/google-chrome"], install: "apt-get install -y chromium")
    }

    /// Feeds the gauge as scraped, one sample a minute, then held, to the real rule file.
    static func expectOverdueAlertFires(on samples: [Double], promtool: ExternalTool) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let values = samples.map { BackupHealthExposition.format($0) }.joined(separator: " ")
        let held = BackupHealthExposition.format(samples.last ?? 0)
        let rules = AlertRulesTests.prometheusFolder + "/" + AlertRulesTests.rulesFile
        let test = """
            rule_files:
              - \(rules)
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
                  - series: 'castbot_backup_schedules_overdue{job="castbot",kind="server"}'
                    values: '\(values) \(held)x20'
                  - series: 'up{job="castbot"}'
                    values: '1x40'
                alert_rule_test:
                  - eval_time: 1m
                    alertname: CastBotBackupsOverdue
                    exp_alerts: []
                  - eval_time: \(samples.count + 15)m
                    alertname: CastBotBackupsOverdue
                    exp_alerts:
                      - exp_labels:
                          severity: critical
                          kind: server
                        exp_annotations:
                          summary: "1 CastBot server backup schedule(s) overdue"
                          description: "No export delivered within twice the interval (or since the daily time). The stalest schedules are in castbot_backup_schedule_staleness_seconds; see /status on the admin listener for the failure messages."

            """
        try folder.write(Array(test.utf8), to: "scraped.test.yml")
        let outcome = try await promtool.run(["test", "rules", "scraped.test.yml"], in: folder.path)
        #expect(outcome.status == 0, "the overdue alert did not fire on the scraped series \(values): \(outcome.output) \(outcome.errors)")
    }

    /// Every metric the rules and the dashboard query is one `/metrics` really exports.
    static func expectQueriedMetricsExported(world: StatusWorld) async throws {
        // One rejected interaction, so the interaction metrics have samples.
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(world.interactionsPort)/interactions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "{}"))
        _ = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let metrics = try await world.get("/metrics", admin: false).body
        var exported: Set<String> = []
        for line in metrics.split(separator: "\n") where !line.hasPrefix("#") {
            if let end = line.firstIndex(where: { $0 == "{" || $0 == " " }) { exported.insert(String(line[..<end])) }
        }
        let missing = try AlertRulesTests.queriedMetricNames().subtracting(exported)
        #expect(missing.isEmpty, "queried but not exported: \(missing.sorted())")
    }

    static func expectStatusPageInBrowser(world: StatusWorld, chromium: ExternalTool) async throws {
        let profile = try TemporaryDirectory()
        defer { profile.remove() }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)/profile"]
        let dump = try await chromium.run(common + ["--dump-dom", world.statusURL])
        #expect(dump.status == 0, "\(dump.errors.suffix(2000))")
        let dom = dump.output
        #expect(dom.contains("<h1>CastBot backups</h1>"), "\(dom.prefix(3000))")
        // Attention first: overdue, failing, disabled, then the healthy one.
        let order = ["state-overdue", "state-failing", "state-disabled", "state-ok"].map { dom.range(of: "<tr class=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil }, "a state is missing: \(dom)")
        let positions = order.compactMap { $0 }
        #expect(positions == positions.sorted(), "rows are not in attention order")
        // The failing export says how it failed; the disabled one why it stopped.
        #expect(dom.contains("All servers export"))
        #expect(dom.contains("failed"))
        #expect(dom.contains("500"))
        #expect(dom.contains("verified") || dom.contains("not checked"))
        #expect(dom.contains("<svg class=\"chart\""))
        // The guild name is shown as text, never as markup.
        #expect(dom.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co"), "\(dom)")
        #expect(!dom.contains("<script>"))
        #expect(dom.contains("name=\"viewport\""))

        // What a phone shows: a narrow window.
        let target = ProcessInfo.processInfo.environment["CASTBOT_STATUS_SCREENSHOT"] ?? "\(profile.path)/status.png"
        let shot = try await chromium.run(common + ["--hide-scrollbars", "--window-size=412,1600", "--screenshot=\(target)", world.statusURL])
        #expect(shot.status == 0, "\(shot.errors.suffix(2000))")
        let png = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
    }
}
