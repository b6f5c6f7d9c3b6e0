import DiscordSandbox
import ExportFormat
import Foundation
import Scheduling
import PlayerData
import Prometheus
import Testing

@testable import CastBot
import CastBotTestSupport

/// After each scheduled delivery the export is downloaded back from Discord's CDN (here the
/// sandbox's, with signed URLs) and compared with what was sent.
@Suite("Verified deliveries through DiscordSandbox", .serialized, .timeLimit(.minutes(3)))
struct VerifiedDeliveryTests {
    /// Metrics into a registry of the test's own, read back as Prometheus text.
    struct MetricsProbe {
        let registry = PrometheusCollectorRegistry()
        var metrics: CastBotMetrics { CastBotMetrics(factory: ProcessBootstrap.makeMetricsFactory(registry: registry)) }

        func text() -> String {
            var bytes: [UInt8] = []
            registry.emit(into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        func verified(_ result: String) -> Bool {
            text().contains("castbot_exports_verified_total{result=\"\(result)\"} 1")
        }
    }

    static let key = ExportScope.guild(Fixtures.guildID).scheduleKey.rawValue

    @Test("A delivered export is downloaded back, matches, and shows as verified in the record, View Live, the health report and the metric")
    func verified() async throws {
        try await SandboxWorld.with { world in
            let probe = MetricsProbe()
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile), metrics: probe.metrics)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)

            let record = try #require(await harness.work.stateStore.current().lastExports[Self.key])
            #expect(record.verified == true)
            #expect(probe.verified("verified"))
            let status = await harness.features.exports.statusText(for: .guild(Fixtures.guildID))
            #expect(status.contains("verified ✅"))
            let report = await HealthReport.gather(work: harness.work, startedAt: harness.startDate, now: harness.date(.seconds(6)))
            let line = try #require(report.exportSchedules.first.map(HealthReportComposer.scheduleLine))
            #expect(line.contains("last export verified ✅"))
            await harness.stop()
        }
    }

    @Test("Split exports are verified part by part")
    func parts() async throws {
        try await SandboxWorld.with { world in
            let probe = MetricsProbe()
            let packager = ExportPackager(limits: ExportUploadLimits(fileLimit: 1_024))
            let harness = try await world.harness(
                dataFile: try Fixtures.bytes(Fixtures.wholeFile), packager: packager, metrics: probe.metrics)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            #expect(await world.messages().count >= 2)
            #expect(await harness.work.stateStore.current().lastExports[Self.key]?.verified == true)
            #expect(probe.verified("verified"))
            await harness.stop()
        }
    }

    @Test("A byte Discord stored wrongly fails the run naming the file and both hashes; nothing is posted again")
    func mismatch() async throws {
        try await SandboxWorld.with { world in
            let probe = MetricsProbe()
            try await world.sandbox.corruptNextUploads(1, atOffset: 100)
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile), metrics: probe.metrics)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            let end = try #require(await harness.event { $0.isRunEnd })
            guard case .runFailed(_, let error, let failures) = end.kind else {
                Issue.record("the run failed, got \(end.kind)")
                return
            }
            let message = try #require(await world.messages().first)
            let stored = try #require(message.attachments.first)
            let sentHash = try #require(await harness.work.stateStore.current().lastExports[Self.key]?.sha256)
            #expect(error.contains(stored.filename))
            #expect(error.contains(sentHash))
            #expect(error.contains(SHA256Hex.digest(stored.bytes)))
            #expect(failures == 1)
            #expect(await world.messages().count == 1, "not posted again")
            #expect(await world.requests("POST /webhooks/*/*").count == 1)
            #expect(await harness.work.stateStore.current().lastExports[Self.key]?.verified == false)
            #expect(probe.verified("mismatch"))
            #expect(probe.text().contains("castbot_exports_total{type=\"server\",result=\"failure\"} 1"))
            let status = await harness.features.exports.statusText(for: .guild(Fixtures.guildID))
            #expect(status.contains("mismatch ❌"))
            await harness.stop()
        }
    }

    @Test("When the CDN refuses the download the run still succeeds, not checked, counted as unavailable")
    func unavailable() async throws {
        // URLs that expire at once: every download is refused, as for an unreachable CDN.
        try await SandboxWorld.with(SandboxConfiguration(attachmentURLLifetime: .zero)) { world in
            let probe = MetricsProbe()
            let harness = try await world.harness(dataFile: try Fixtures.bytes(Fixtures.wholeFile), metrics: probe.metrics)
            try await harness.features.exports.apply(ScheduleRequests.server(every: 60))
            await harness.advance(by: .seconds(5))
            #expect(await harness.event { $0.isRunEnd }?.isRunSuccess == true)
            let record = try #require(await harness.work.stateStore.current().lastExports[Self.key])
            #expect(record.verified == nil)
            #expect(probe.verified("unavailable"))
            let status = await harness.features.exports.statusText(for: .guild(Fixtures.guildID))
            #expect(status.contains("not checked"))
            await harness.stop()
        }
    }
}
