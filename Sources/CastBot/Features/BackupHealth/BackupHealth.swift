import Foundation
import Scheduling

/// How one schedule's backups stand at one moment: what `/metrics` aggregates and `/status` shows.
struct ScheduleHealth: Sendable {
    /// Why a schedule needs attention, most urgent first (the status page's order).
    enum Condition: Int, Comparable, Sendable, CaseIterable {
        /// Active, but no success within twice its interval (or since its last daily time).
        case overdue
        /// Active, and its last run failed or timed out.
        case failing
        /// Stopped after too many failed runs in a row.
        case disabled
        /// Active, and no run has ended yet.
        case waiting
        case ok
        /// Stopped on request, or by a run (e.g. the channel is gone).
        case stopped

        static func < (lhs: Condition, rhs: Condition) -> Bool { lhs.rawValue < rhs.rawValue }

        var label: String {
            switch self {
            case .overdue: "overdue"
            case .failing: "failing"
            case .disabled: "disabled"
            case .waiting: "waiting"
            case .ok: "ok"
            case .stopped: "stopped"
            }
        }
    }

    let status: ScheduleStatus
    /// `server`, `all` or `health`: the `kind` label of the metrics.
    let kind: String
    let lastExport: LastExportRecord?
    /// The last time the schedule did its job (an export delivered, a health report posted).
    let lastSuccessAt: Date?
    let condition: Condition
    /// Seconds since the last success, or since the schedule started when it has none.
    let staleness: TimeInterval

    var isOverdue: Bool { condition == .overdue }
}

/// Judges schedules from the scheduler's view and the last delivered exports. Pure and linear in
/// the number of schedules, so `/metrics` can run it at every scrape with 10,000 schedules.
enum BackupHealthAssessment {
    /// The `kind` label values, in the order the metrics list them.
    static let kinds = ["server", "all", "health"]

    static func kind(of info: ScheduleInfo) -> String {
        switch info.kind {
        case ExportScheduleKind.server: "server"
        case ExportScheduleKind.all: "all"
        case ExportScheduleKind.health: "health"
        default: info.kind
        }
    }

    static func assess(_ status: ScheduleStatus, lastExport: LastExportRecord?, now: Date) -> ScheduleHealth {
        let lastSuccessAt = lastSuccess(of: status, lastExport: lastExport)
        let condition: ScheduleHealth.Condition
        if !status.isActive {
            condition = status.stopReason?.kind == .autoDisabled ? .disabled : .stopped
        } else if isOverdue(status, lastSuccessAt: lastSuccessAt, now: now) {
            condition = .overdue
        } else if status.lastRun?.result.isFailure == true {
            condition = .failing
        } else if status.lastRun == nil {
            condition = .waiting
        } else {
            condition = .ok
        }
        let since = lastSuccessAt ?? status.startedAt
        return ScheduleHealth(
            status: status, kind: kind(of: status.info), lastExport: lastExport, lastSuccessAt: lastSuccessAt,
            condition: condition, staleness: max(0, now.timeIntervalSince(since)))
    }

    /// Exports: when the last export was delivered (kept across restarts). Other schedules: the
    /// last run if it succeeded; after failures the success is estimated one interval before each
    /// failed run, since runs fall on the schedule's grid.
    static func lastSuccess(of status: ScheduleStatus, lastExport: LastExportRecord?) -> Date? {
        var candidates: [Date] = []
        if let lastExport { candidates.append(lastExport.deliveredAt) }
        if let run = status.lastRun {
            if run.result.kind == .succeeded {
                candidates.append(run.finishedAt)
            } else if lastExport == nil, status.consecutiveFailures > 0, status.runCount > status.consecutiveFailures {
                let interval = DurationText.timeInterval(status.cadence.interval.duration)
                candidates.append(run.scheduledAt.addingTimeInterval(-interval * Double(status.consecutiveFailures)))
            }
        }
        return candidates.max()
    }

    /// Overdue: active with no success within twice its interval; a schedule anchored to a time of
    /// day is also overdue once that time (plus the run's timeout, to let it finish) has passed
    /// without a success. A schedule that started recently is measured from its start.
    static func isOverdue(_ status: ScheduleStatus, lastSuccessAt: Date?, now: Date) -> Bool {
        guard status.isActive else { return false }
        let interval = DurationText.timeInterval(status.cadence.interval.duration)
        let since = max(lastSuccessAt ?? status.startedAt, status.startedAt)
        if now.timeIntervalSince(since) > 2 * interval { return true }
        guard status.cadence.anchoredAt != nil, interval > 0 else { return false }
        let reference = now.addingTimeInterval(-DurationText.timeInterval(status.settings.runTimeout))
        let periods = (reference.timeIntervalSince(status.gridAnchor) / interval).rounded(.down)
        guard periods >= 0 else { return false }
        let due = status.gridAnchor.addingTimeInterval(periods * interval)
        return due > status.startedAt && since < due
    }
}

/// What `/metrics` exports about backups: counts per kind, freshness per kind, and the few
/// stalest schedules by name (never one series per guild).
struct BackupHealthSummary: Sendable, Equatable {
    struct KindFigures: Sendable, Equatable {
        var active = 0
        var overdue = 0
        var autoDisabled = 0
        /// Active schedules whose last delivered export did not match what Discord stored.
        var verificationMismatch = 0
        /// Active schedules by the outcome of their last run (`none` before the first).
        var lastOutcome: [String: Int] = [:]
        /// Seconds since the newest success of any schedule of the kind.
        var newestSuccessAge: TimeInterval?
        /// Seconds since the newest delivered export that was verified.
        var newestVerifiedAge: TimeInterval?
        /// The largest staleness among active schedules.
        var stalestAge: TimeInterval?
    }

    struct StaleSchedule: Sendable, Equatable {
        var key: String
        var kind: String
        var staleness: TimeInterval
    }

    /// How many schedules get a series of their own.
    static let worstLimit = 10
    static let outcomes = ["succeeded", "failed", "timedOut", "cancelled", "stoppedSchedule", "none"]

    var kinds: [String: KindFigures]
    /// The stalest active schedules, stalest first, at most `worstLimit`.
    var stalest: [StaleSchedule]

    init(_ schedules: some Sequence<ScheduleHealth>, now: Date) {
        var kinds: [String: KindFigures] = [:]
        for kind in BackupHealthAssessment.kinds { kinds[kind] = KindFigures() }
        var stalest: [StaleSchedule] = []
        for health in schedules {
            var figures = kinds[health.kind] ?? KindFigures()
            if let success = health.lastSuccessAt {
                figures.newestSuccessAge = min(figures.newestSuccessAge ?? .infinity, max(0, now.timeIntervalSince(success)))
            }
            if let export = health.lastExport, export.verified == true {
                figures.newestVerifiedAge = min(figures.newestVerifiedAge ?? .infinity, max(0, now.timeIntervalSince(export.deliveredAt)))
            }
            if health.condition == .disabled { figures.autoDisabled += 1 }
            if health.status.isActive {
                figures.active += 1
                if health.isOverdue { figures.overdue += 1 }
                if health.lastExport?.verified == false { figures.verificationMismatch += 1 }
                figures.lastOutcome[health.status.lastRun?.result.kind.rawValue ?? "none", default: 0] += 1
                figures.stalestAge = max(figures.stalestAge ?? 0, health.staleness)
                Self.keepStalest(StaleSchedule(key: health.status.key.rawValue, kind: health.kind, staleness: health.staleness), in: &stalest)
            }
            kinds[health.kind] = figures
        }
        self.kinds = kinds
        self.stalest = stalest
    }

    /// Insertion into a list of at most `worstLimit`: linear in the schedules, no full sort.
    private static func keepStalest(_ candidate: StaleSchedule, in list: inout [StaleSchedule]) {
        if list.count == worstLimit, let last = list.last, !isStaler(candidate, than: last) { return }
        let index = list.firstIndex { isStaler(candidate, than: $0) } ?? list.endIndex
        list.insert(candidate, at: index)
        if list.count > worstLimit { list.removeLast() }
    }

    /// Stalest first; equal staleness by key, so the set is stable between scrapes.
    private static func isStaler(_ a: StaleSchedule, than b: StaleSchedule) -> Bool {
        a.staleness != b.staleness ? a.staleness > b.staleness : a.key < b.key
    }
}
