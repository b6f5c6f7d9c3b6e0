@testable import CastBot
import Foundation
import Scheduling
import Testing

@Suite("Backup health: overdue, staleness and the metrics text", .timeLimit(.minutes(1)))
struct BackupHealthAssessmentTests {
    static let start = Date(timeIntervalSince1970: 1_760_538_600)  // 2025-10-15 14:30 UTC

    static func status(
        key: String = "export:guild:1", kind: String = ExportScheduleKind.server, cadence: ScheduleCadence = .every(.oneDay),
        active: Bool = true, lastRun: RunRecord? = nil, consecutiveFailures: Int = 0, runCount: Int = 0, stop: StopReason? = nil,
        gridAnchor: Date = start
    ) -> ScheduleStatus {
        ScheduleStatus(
            settings: ScheduleSettings(
                key: ScheduleKey(key), cadence: cadence,
                info: ScheduleInfo(kind: kind, guildID: "1", channelID: "2", setByUserID: "3", typeLabel: "Server")),
            isActive: active, startedAt: start, gridAnchor: gridAnchor, nextRunAt: active ? start.addingTimeInterval(86_400) : nil,
            lastRun: lastRun, runCount: runCount, consecutiveFailures: consecutiveFailures, stoppedAt: active ? nil : start, stopReason: stop)
    }

    static func run(at offset: TimeInterval, _ result: RunResult) -> RunRecord {
        let date = start.addingTimeInterval(offset)
        return RunRecord(number: 1, scheduledAt: date, startedAt: date, finishedAt: date.addingTimeInterval(2), result: result)
    }

    static func export(at offset: TimeInterval, verified: Bool? = true) -> LastExportRecord {
        LastExportRecord(
            deliveredAt: start.addingTimeInterval(offset), guildCount: 1, playerCount: 1, byteCount: 1000, sha256: "", filename: "f",
            verified: verified)
    }

    @Test("an interval schedule is overdue once twice its interval passes without a delivered export")
    func intervalOverdue() throws {
        let hourly = ScheduleCadence.every(try ScheduleInterval(minutes: 60))
        let delivered = Self.status(cadence: hourly, lastRun: Self.run(at: 3_598, .succeeded), runCount: 2)
        let export = Self.export(at: 3_600)
        #expect(BackupHealthAssessment.assess(delivered, lastExport: export, now: Self.start.addingTimeInterval(3 * 3_600)).condition == .ok)
        let late = BackupHealthAssessment.assess(delivered, lastExport: export, now: Self.start.addingTimeInterval(3 * 3_600 + 1))
        #expect(late.condition == .overdue)
        #expect(late.staleness == 2 * 3_600 + 1)

        // Failing but not yet late, then late.
        let failing = Self.status(cadence: hourly, lastRun: Self.run(at: 7_200, RunResult(kind: .failed, message: "500")), consecutiveFailures: 1, runCount: 3)
        #expect(BackupHealthAssessment.assess(failing, lastExport: export, now: Self.start.addingTimeInterval(7_300)).condition == .failing)
        #expect(BackupHealthAssessment.assess(failing, lastExport: export, now: Self.start.addingTimeInterval(4 * 3_600)).condition == .overdue)

        // Never delivered: measured from the start.
        let fresh = Self.status(cadence: hourly)
        #expect(BackupHealthAssessment.assess(fresh, lastExport: nil, now: Self.start.addingTimeInterval(60)).condition == .waiting)
        #expect(BackupHealthAssessment.assess(fresh, lastExport: nil, now: Self.start.addingTimeInterval(7_201)).condition == .overdue)
    }

    @Test("a daily schedule is overdue once its daily time (plus the run timeout) passes without a success")
    func dailyOverdue() throws {
        // Daily at 03:00 UTC; its grid passes through 2025-10-16 03:00.
        let anchor = Date(timeIntervalSince1970: 1_760_583_600)
        let daily = ScheduleCadence.daily(at: try TimeOfDay(parsing: "03:00"))
        let status = Self.status(cadence: daily, gridAnchor: anchor)
        // Delivered at the first run (start + 5 s); the 03:00 run has not had its 15 minutes yet.
        let export = Self.export(at: 5)
        #expect(BackupHealthAssessment.assess(status, lastExport: export, now: anchor.addingTimeInterval(600)).condition == .waiting)
        // 03:16 with no delivery since 03:00: overdue, although not two days late.
        #expect(BackupHealthAssessment.assess(status, lastExport: export, now: anchor.addingTimeInterval(960)).condition == .overdue)
        // Delivered at 03:01: fine.
        let delivered = Self.status(cadence: daily, lastRun: RunRecord(number: 2, scheduledAt: anchor, startedAt: anchor, finishedAt: anchor.addingTimeInterval(60), result: .succeeded), runCount: 2, gridAnchor: anchor)
        let onTime = LastExportRecord(deliveredAt: anchor.addingTimeInterval(60), guildCount: 1, playerCount: 1, byteCount: 1, sha256: "", filename: "f")
        #expect(BackupHealthAssessment.assess(delivered, lastExport: onTime, now: anchor.addingTimeInterval(3_600)).condition == .ok)
    }

    @Test("stopped schedules are never overdue; auto-disabled ones are counted apart")
    func stoppedSchedules() {
        let disabled = Self.status(active: false, lastRun: Self.run(at: 0, RunResult(kind: .failed, message: "x")), stop: StopReason(kind: .autoDisabled, message: "5 failures"))
        let stopped = Self.status(key: "export:guild:2", active: false, stop: StopReason(kind: .stopped, message: "Stopped."))
        let now = Self.start.addingTimeInterval(30 * 86_400)
        let healths = [disabled, stopped].map { BackupHealthAssessment.assess($0, lastExport: nil, now: now) }
        #expect(healths.map(\.condition) == [.disabled, .stopped])
        let summary = BackupHealthSummary(healths, now: now)
        #expect(summary.kinds["server"]?.autoDisabled == 1)
        #expect(summary.kinds["server"]?.overdue == 0)
        #expect(summary.kinds["server"]?.active == 0)
        #expect(summary.stalest.isEmpty)
    }

    @Test("10,000 schedules give a bounded number of series: aggregates per kind and the 10 stalest by name")
    func boundedCardinality() throws {
        let now = Self.start.addingTimeInterval(10 * 86_400)
        var healths: [ScheduleHealth] = []
        for index in 0..<10_000 {
            let status = Self.status(key: "export:guild:\(index)", lastRun: Self.run(at: -100, .succeeded), runCount: 1)
            // Guild i delivered i seconds after the start: the lowest indexes are the stalest.
            healths.append(BackupHealthAssessment.assess(status, lastExport: Self.export(at: Double(index), verified: index % 2 == 0), now: now))
        }
        let summary = BackupHealthSummary(healths, now: now)
        #expect(summary.stalest.map(\.key) == (0..<10).map { "export:guild:\($0)" })
        #expect(summary.kinds["server"]?.overdue == 10_000)
        #expect(summary.kinds["server"]?.newestSuccessAge == TimeInterval(10 * 86_400 - 9_999))
        #expect(summary.kinds["server"]?.newestVerifiedAge == TimeInterval(10 * 86_400 - 9_998))
        #expect(summary.kinds["server"]?.lastOutcome["succeeded"] == 10_000)

        let text = BackupHealthExposition.render(summary)
        let samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(samples.count < 80, "\(samples.count) series")
        #expect(text.contains(#"castbot_backup_schedules_overdue{kind="server"} 10000"#))
        #expect(text.contains(#"castbot_backup_schedules_overdue{kind="all"} 0"#))
        #expect(text.contains(#"castbot_backup_schedule_staleness_seconds{kind="server",schedule="export:guild:0"} 864000"#))
        #expect(!text.contains("export:guild:10\""))
    }

    @Test("label values are escaped as the text format requires")
    func labelEscaping() {
        #expect(BackupHealthExposition.escaped("a\"b\\c\nd") == #"a\"b\\c\nd"#)
        #expect(BackupHealthExposition.format(12) == "12")
        #expect(BackupHealthExposition.format(1.5) == "1.500")
    }
}
