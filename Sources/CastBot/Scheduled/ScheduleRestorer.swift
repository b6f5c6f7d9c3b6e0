import Logging
import Scheduling

/// What happened to the saved schedules at startup.
package struct ScheduleRestoreReport: Sendable, Equatable {
    package struct Failure: Sendable, Equatable {
        package var key: ScheduleKey
        package var reason: String
    }

    /// `resume` schedules running again (a run missed while down is due at once).
    package var resumed: [ScheduleKey] = []
    /// `clear` schedules that were active and are gone; their settings stay for the modal.
    package var cleared: [ScheduleKey] = []
    /// Saved schedules that could not be brought back.
    package var failed: [Failure] = []

    package init(resumed: [ScheduleKey] = [], cleared: [ScheduleKey] = [], failed: [Failure] = []) {
        self.resumed = resumed
        self.cleared = cleared
        self.failed = failed
    }

    mutating func merge(_ other: ScheduleRestoreReport) {
        resumed += other.resumed
        cleared += other.cleared
        failed += other.failed
    }
}

/// Applies each saved schedule's restart policy: `resume` comes back on its old grid, with a run
/// missed while the service was down due at once; `clear` stays off (the seed's behaviour) and is
/// logged so operators know to reschedule.
enum ScheduleRestorer {
    static func restore(
        _ saved: [ScheduleStatus], into engine: any ScheduleEngine, restartPolicyApplies: Bool, logger: Logger,
        job: (ScheduleStatus) -> ScheduleJob?
    ) async -> ScheduleRestoreReport {
        var report = ScheduleRestoreReport()
        for status in saved where status.isActive {
            let metadata: Logger.Metadata = [
                "schedule": "\(status.key)", "channel": "\(status.info.channelID)", "setBy": "\(status.info.setByUserID)",
                "cadence": "\(status.cadence)",
            ]
            // Where one process restarting is not the service restarting, every schedule resumes.
            switch restartPolicyApplies ? status.info.restartPolicy : .resume {
            case .clear:
                report.cleared.append(status.key)
                logger.debug("schedule cleared by the restart (restart policy clear); reschedule it from the menu", metadata: metadata)
            case .resume:
                guard let job = job(status) else {
                    report.failed.append(.init(key: status.key, reason: "no job for this kind of schedule"))
                    continue
                }
                do {
                    let restored = try engine.restore(status, firstRun: .resuming(status), job: job)
                    report.resumed.append(status.key)
                    // Each one at debug; `logSummary` names them at notice, up to a limit.
                    logger.debug(
                        "schedule resumed after the restart",
                        metadata: metadata.merging(["nextRun": "\(restored.nextRunAt.map { "\($0)" } ?? "none")"]) { $1 })
                } catch {
                    report.failed.append(.init(key: status.key, reason: error.description))
                    logger.error("could not resume a saved schedule", metadata: metadata.merging(["error": "\(error)"]) { $1 })
                }
            }
        }
        return report
    }

    /// Schedules a summary line names; beyond them it gives the count only.
    static let namedInSummary = 100

    /// One notice for the resumed schedules and one for the cleared ones, each with the count and
    /// the first `namedInSummary` keys: a restart of 100,000 schedules logs two lines, not 100,000.
    static func logSummary(_ report: ScheduleRestoreReport, logger: Logger) {
        for (message, keys) in [
            ("schedules resumed after the restart", report.resumed),
            ("schedules cleared by the restart (restart policy clear); their settings are kept for the modal", report.cleared),
        ] where !keys.isEmpty {
            var metadata: Logger.Metadata = ["count": "\(keys.count)", "schedules": "\(keys.prefix(namedInSummary).map(\.rawValue))"]
            if keys.count > namedInSummary { metadata["not_named"] = "\(keys.count - namedInSummary)" }
            logger.notice("\(message)", metadata: metadata)
        }
    }
}
