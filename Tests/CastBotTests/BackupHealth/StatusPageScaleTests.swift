@testable import CastBot
import CastBotTestSupport
import Clocks
import Foundation
import PlayerData
import Scheduling
import Testing

/// 10,000 schedules in a real scheduler and state store: `/metrics` stays a bounded set of
/// series and `/status` shows the ones needing attention first, 50 a page.
@Suite("Backup health with 10,000 schedules", .timeLimit(.minutes(1)))
struct StatusPageScaleTests {
    static let start = Date(timeIntervalSince1970: 1_760_538_600)
    static let now = start.addingTimeInterval(3 * 3_600)

    /// Hourly exports delivered an hour ago, except 3 last delivered 5 hours ago (overdue) and
    /// 7 whose last run failed 10 minutes ago (failing).
    static func source(folder: TemporaryDirectory) async throws -> BackupHealthSource {
        let scheduler = Scheduler(clock: TestClock<Duration>(), logger: .quiet("scale"), wallClock: { now })
        let hourly = ScheduleCadence.every(try ScheduleInterval(minutes: 60))
        var lastExports: [String: LastExportRecord] = [:]
        for index in 0..<10_000 {
            let key = ExportScope.guild(String(1_300_000_000_000_000_000 + index)).scheduleKey
            let overdue = index >= 5_000 && index < 5_003
            let failing = index >= 9_000 && index < 9_007
            let delivered = now.addingTimeInterval(overdue ? -5 * 3_600 : -3_600)
            let lastRunAt = failing ? now.addingTimeInterval(-600) : delivered
            let saved = ScheduleStatus(
                settings: ScheduleSettings(
                    key: key, cadence: hourly,
                    info: ScheduleInfo(kind: ExportScheduleKind.server, guildID: "1", channelID: "2", setByUserID: "3", typeLabel: "Server")),
                isActive: true, startedAt: start, gridAnchor: start, nextRunAt: now.addingTimeInterval(1_800),
                lastRun: RunRecord(
                    number: 3, scheduledAt: lastRunAt, startedAt: lastRunAt, finishedAt: lastRunAt,
                    result: failing ? RunResult(kind: .failed, message: "Discord answered 500") : .succeeded),
                runCount: 3, failureCount: failing ? 1 : 0, consecutiveFailures: failing ? 1 : 0)
            try scheduler.restore(saved, firstRun: .resuming(saved)) { _ in .success }
            lastExports[key.rawValue] = LastExportRecord(
                deliveredAt: delivered, guildCount: 1, playerCount: 10, byteCount: 4_096, sha256: "", filename: "export.json")
        }
        let storage = try SQLiteStateStorage(directory: folder.path, logger: .quiet("scale"))
        let store = ServiceStateStore(storage: storage, loaded: ServiceState(lastExports: lastExports), logger: .quiet("scale"))
        return BackupHealthSource(
            engine: scheduler, stateStore: store, snapshots: PlayerDataSnapshots(store: PlayerDataStore(directory: folder.path)),
            now: { now })
    }

    @Test("metrics: the overdue count over all schedules, and only the 10 stalest by name")
    func boundedMetrics() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let summary = await (try Self.source(folder: folder)).summary()
        #expect(summary.kinds["server"]?.active == 10_000)
        #expect(summary.kinds["server"]?.overdue == 3)
        #expect(summary.kinds["server"]?.lastOutcome["failed"] == 7)
        #expect(summary.stalest.count == 10)
        #expect(summary.stalest.prefix(3).allSatisfy { $0.staleness == 5 * 3_600 })
        let series = BackupHealthExposition.render(summary).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(series.count < 80, "\(series.count) series for 10,000 schedules")
    }

    @Test("status: overdue then failing first, 50 a page, 200 pages, a page past the end refused")
    func paging() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let endpoint = StatusEndpoint(source: try await Self.source(folder: folder))
        let first = try await endpoint.page(nil).get()
        let rows = first.components(separatedBy: "<tr class=\"state-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(rows.count == 50)
        #expect(Array(rows.prefix(10)) == ["overdue", "overdue", "overdue"] + Array(repeating: "failing", count: 7))
        #expect(rows.dropFirst(10).allSatisfy { $0 == "ok" })
        #expect(first.contains("10000 schedules"))
        #expect(first.contains("page 1 of 200") && first.contains("href=\"?page=2\""))
        let last = try await endpoint.page("200").get()
        #expect(last.contains("page 200 of 200") && !last.contains("next →"))
        for bad in ["201", "0", "two", "-1"] {
            guard case .failure(let problem) = await endpoint.page(bad) else {
                Issue.record("page \(bad) was accepted")
                continue
            }
            #expect(problem.message.contains("page must be a whole number from 1 to 200"), "\(problem.message)")
        }
    }
}
