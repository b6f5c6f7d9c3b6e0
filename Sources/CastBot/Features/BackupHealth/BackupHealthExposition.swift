import Foundation

/// Renders `BackupHealthSummary` in the Prometheus text format, appended to the registry's output
/// at each scrape. Written directly rather than through registry gauges so the "stalest" set
/// never leaves stale series behind when a schedule leaves it.
enum BackupHealthExposition {
    static func render(_ summary: BackupHealthSummary) -> String {
        var out = ""
        let kinds = BackupHealthAssessment.kinds + summary.kinds.keys.filter { !BackupHealthAssessment.kinds.contains($0) }.sorted()
        func figures(_ kind: String) -> BackupHealthSummary.KindFigures { summary.kinds[kind] ?? .init() }

        family(&out, BackupMetricNames.schedulesActive, "Active schedules.") { out in
            for kind in kinds { sample(&out, BackupMetricNames.schedulesActive, ["kind": kind], Double(figures(kind).active)) }
        }
        family(&out, BackupMetricNames.schedulesOverdue, "Active schedules with no success within twice their interval, or since their last daily time.") { out in
            for kind in kinds { sample(&out, BackupMetricNames.schedulesOverdue, ["kind": kind], Double(figures(kind).overdue)) }
        }
        family(&out, BackupMetricNames.schedulesAutoDisabled, "Schedules stopped after too many failed runs in a row.") { out in
            for kind in kinds { sample(&out, BackupMetricNames.schedulesAutoDisabled, ["kind": kind], Double(figures(kind).autoDisabled)) }
        }
        family(&out, BackupMetricNames.schedulesVerificationMismatch, "Active schedules whose last export did not match the copy Discord stored.") { out in
            for kind in kinds {
                sample(&out, BackupMetricNames.schedulesVerificationMismatch, ["kind": kind], Double(figures(kind).verificationMismatch))
            }
        }
        family(&out, BackupMetricNames.schedulesByLastOutcome, "Active schedules by the outcome of their last run.") { out in
            for kind in kinds {
                for outcome in BackupHealthSummary.outcomes {
                    sample(&out, BackupMetricNames.schedulesByLastOutcome, ["kind": kind, "outcome": outcome], Double(figures(kind).lastOutcome[outcome] ?? 0))
                }
            }
        }
        family(&out, BackupMetricNames.newestSuccessAge, "Seconds since the newest delivered export (health: report) of the kind.") { out in
            for kind in kinds { if let age = figures(kind).newestSuccessAge { sample(&out, BackupMetricNames.newestSuccessAge, ["kind": kind], age) } }
        }
        family(&out, BackupMetricNames.newestVerifiedAge, "Seconds since the newest delivered export of the kind that was verified.") { out in
            for kind in kinds { if let age = figures(kind).newestVerifiedAge { sample(&out, BackupMetricNames.newestVerifiedAge, ["kind": kind], age) } }
        }
        family(&out, BackupMetricNames.stalestAge, "The largest time since a success among active schedules of the kind.") { out in
            for kind in kinds { if let age = figures(kind).stalestAge { sample(&out, BackupMetricNames.stalestAge, ["kind": kind], age) } }
        }
        family(&out, BackupMetricNames.scheduleStaleness, "Seconds since a success, for the \(BackupHealthSummary.worstLimit) stalest active schedules only.") { out in
            for stale in summary.stalest {
                sample(&out, BackupMetricNames.scheduleStaleness, ["kind": stale.kind, "schedule": stale.key], stale.staleness)
            }
        }
        return out
    }

    private static func family(_ out: inout String, _ name: String, _ help: String, _ samples: (inout String) -> Void) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
        samples(&out)
    }

    private static func sample(_ out: inout String, _ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        let text = labels.map { "\($0.key)=\"\(escaped($0.value))\"" }.joined(separator: ",")
        out += "\(name){\(text)} \(format(value))\n"
    }

    /// Whole numbers without a fraction; ages to the millisecond.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.3f", value)
    }

    /// Label values escape backslash, double quote and line feed (the text format's rules).
    static func escaped(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The backup health metrics, named in one place so rules, dashboards and code agree.
enum BackupMetricNames {
    /// Gauge, label `kind` (server, all, health).
    static let schedulesActive = "castbot_backup_schedules_active"
    /// Gauge, label `kind`.
    static let schedulesOverdue = "castbot_backup_schedules_overdue"
    /// Gauge, label `kind`.
    static let schedulesAutoDisabled = "castbot_backup_schedules_auto_disabled"
    /// Gauge, label `kind`.
    static let schedulesVerificationMismatch = "castbot_backup_schedules_verification_mismatch"
    /// Gauge, labels `kind` and `outcome` (succeeded, failed, timedOut, cancelled, stoppedSchedule, none).
    static let schedulesByLastOutcome = "castbot_backup_schedules_last_outcome"
    /// Gauge (seconds), label `kind`; absent while the kind has no success.
    static let newestSuccessAge = "castbot_backup_newest_age_seconds"
    /// Gauge (seconds), label `kind`; absent while the kind has no verified export.
    static let newestVerifiedAge = "castbot_backup_newest_verified_age_seconds"
    /// Gauge (seconds), label `kind`; absent while the kind has no active schedule.
    static let stalestAge = "castbot_backup_stalest_age_seconds"
    /// Gauge (seconds), labels `kind` and `schedule`: only the 10 stalest active schedules.
    static let scheduleStaleness = "castbot_backup_schedule_staleness_seconds"
}
