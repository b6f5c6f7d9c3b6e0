@testable import CastBot
import CastBotTestSupport
import Clocks
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@Suite("GET /healthz and GET /metrics", .timeLimit(.minutes(1)))
struct HealthAndMetricsTests {
    let server = TestServer()

    @Test("healthz reports status, uptime on the injected clock, the schedule count and the version")
    func healthReport() async throws {
        let clock = server.clock
        let response = try await server.run(handler: RecordingInteractionHandler(), adjusting: { $0.activeSchedules = { 3 } }) { client in
            await clock.advance(by: .seconds(125))
            return try await client.get("/healthz")
        }
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        let health = try JSON.object(response.body)
        #expect(health["status"] as? String == "ok")
        #expect(health["uptimeSeconds"] as? Int == 125)
        #expect(health["activeSchedules"] as? Int == 3)
        #expect(health["version"] as? String == CastBotVersion.current)
    }

    @Test("healthz says starting, with 503, until the service is ready")
    func starting() async throws {
        let response = try await server.run(handler: RecordingInteractionHandler(), adjusting: { $0.isReady = { false } }) { client in
            try await client.get("/healthz")
        }
        #expect(response.status == .serviceUnavailable)
        #expect(try JSON.object(response.body)["status"] as? String == "starting")
    }

    @Test("healthz in cluster mode names the database: ok while it answers, 503 with the reason when not")
    func clusterDatabase() async throws {
        let up = try await server.run(handler: RecordingInteractionHandler(), adjusting: { $0.databaseProblem = { nil } }) { client in
            try await client.get("/healthz")
        }
        #expect(up.status == .ok)
        #expect(try JSON.object(up.body)["database"] as? String == "ok")
        let down = try await server.run(
            handler: RecordingInteractionHandler(), adjusting: { $0.databaseProblem = { "the database does not answer: connection refused" } }
        ) { client in
            try await client.get("/healthz")
        }
        #expect(down.status == .serviceUnavailable)
        let health = try JSON.object(down.body)
        #expect(health["status"] as? String == "database unavailable")
        #expect(health["database"] as? String == "the database does not answer: connection refused")
    }

    @Test("the bot `castbot serve` assembles is ready only once its saved schedules are restored")
    func readinessIsWired() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let bot = try await BotAssembly.make(
            configuration: CastBotConfiguration(dataDirectory: folder.path), discord: RecordingDiscordClient(),
            clock: TestClock(), interactionClock: TestClock(), logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(!bot.isReady(), "/healthz answers starting before the schedules are back")
        await bot.scheduled.start()
        #expect(bot.isReady())
    }

    @Test("metrics counts interactions by type and outcome and shows the active schedules")
    func metricsAfterRequests() async throws {
        let text = try await server.run(handler: RecordingInteractionHandler(), adjusting: { $0.activeSchedules = { 2 } }) { client in
            _ = try await client.postInteraction(InteractionPayloads.ping())
            _ = try await client.postInteraction(InteractionPayloads.ping())
            _ = try await client.postInteraction(InteractionPayloads.component(customID: "playerdata_export"))
            _ = try await client.post(InteractionPayloads.ping(), headers: DiscordSigner.headers(signature: nil, timestamp: nil))
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            return String(buffer: response.body)
        }
        #expect(text.contains(#"castbot_interactions_total{type="ping",outcome="pong"} 2"#))
        #expect(text.contains(#"castbot_interactions_total{type="component",outcome="replied"} 1"#))
        #expect(text.contains(#"castbot_interactions_total{type="unverified",outcome="rejected_signature"} 1"#))
        #expect(text.contains(#"castbot_interaction_duration_seconds_count{type="ping"} 2"#))
        #expect(text.contains("castbot_active_schedules 2"))
    }
}
