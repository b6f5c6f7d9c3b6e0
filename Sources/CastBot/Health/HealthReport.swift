import Foundation
import PlayerData
import Scheduling

/// What a health report states, gathered when it runs. Gathering never fails: a data file that
/// cannot be read is itself reported.
struct HealthReport: Sendable {
    struct ScheduleLine: Sendable {
        var key: ScheduleKey
        var status: ScheduleStatus
        var lastExport: LastExportRecord?
    }

    var generatedAt: Date
    var uptime: TimeInterval
    var residentMemoryBytes: Int?
    var dataFileBytes: Int?
    var guildCount: Int?
    var playerCount: Int?
    /// Why the data file could not be read, if it could not.
    var dataFileProblem: String?
    var exportSchedules: [ScheduleLine]

    var isHealthy: Bool {
        dataFileProblem == nil && exportSchedules.allSatisfy { line in
            !(line.status.lastRun?.result.isFailure ?? false) && line.status.stopReason?.kind != .autoDisabled
        }
    }

    static func gather(work: ScheduledWorkContext, startedAt: Date, now: Date) async -> HealthReport {
        var report = HealthReport(
            generatedAt: now, uptime: max(0, now.timeIntervalSince(startedAt)), residentMemoryBytes: ProcessMemory.residentBytes(),
            exportSchedules: [])
        do {
            let file = try await work.dataStore.load()
            report.dataFileBytes = file.byteCount
            report.guildCount = file.guildCount
            report.playerCount = file.playerCount
        } catch {
            report.dataFileProblem = error.description
        }
        let lastExports = await work.stateStore.current().lastExports
        report.exportSchedules = work.engine.statuses()
            .filter { ExportScope(scheduleKey: $0.key) != nil }
            .map { ScheduleLine(key: $0.key, status: $0, lastExport: lastExports[$0.key.rawValue]) }
        return report
    }
}
