import Scheduling

/// Predicates for `EventLog.next(where:)`.
enum Match {
    static func runStarted(_ key: ScheduleKey) -> @Sendable (SchedulerEvent) -> Bool {
        { event in
            guard event.key == key, case .runStarted = event.kind else { return false }
            return true
        }
    }

    /// Any end of a run: success, failure, timeout or cancellation.
    static func runEnded(_ key: ScheduleKey) -> @Sendable (SchedulerEvent) -> Bool {
        { event in
            guard event.key == key else { return false }
            switch event.kind {
            case .runSucceeded, .runStoppedSchedule, .runFailed, .runTimedOut, .runCancelled: return true
            default: return false
            }
        }
    }

    static func autoDisabled(_ key: ScheduleKey) -> @Sendable (SchedulerEvent) -> Bool {
        { event in
            guard event.key == key, case .autoDisabled = event.kind else { return false }
            return true
        }
    }

    static func stoppedByRun(_ key: ScheduleKey) -> @Sendable (SchedulerEvent) -> Bool {
        { event in
            guard event.key == key, case .stoppedByRun = event.kind else { return false }
            return true
        }
    }

    static func coalesced(_ key: ScheduleKey) -> @Sendable (SchedulerEvent) -> Bool {
        { event in
            guard event.key == key, case .runsCoalesced = event.kind else { return false }
            return true
        }
    }
}
