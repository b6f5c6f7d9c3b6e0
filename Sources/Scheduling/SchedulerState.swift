import Foundation
import DequeModule
import HeapModule

/// All mutable state of a scheduler, kept behind one lock. Methods change it and note the
/// effects to carry out once the lock is released (`SideEffects`).
struct SchedulerState<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Stale heap entries tolerated before the heap is rebuilt without them.
    static var staleEntriesBeforeCompaction: Int { 1_024 }

    let configuration: SchedulerConfiguration
    var records: [ScheduleKey: ScheduleRecord<Instant>] = [:]
    var heap = Heap<PendingDeadline<Instant>>()
    /// Runs that fell due while `maxConcurrentRuns` were going, in deadline order; each is
    /// launched when a slot frees (if its token is still current).
    var waitingForSlot = Deque<(key: ScheduleKey, token: UInt64)>()
    var staleEntries = 0
    var inFlight: [UInt64: InFlightRun<Instant>] = [:]
    /// Runs settled as timed out or cancelled whose task has not returned yet.
    var abandoned = Set<UInt64>()
    var subscribers: [UInt64: AsyncStream<SchedulerEvent>.Continuation] = [:]
    var loop = LoopState<Instant>()
    var isShutDown = false
    var effects = SideEffects()
    private var lastIdentifier: UInt64 = 0

    init(configuration: SchedulerConfiguration) {
        self.configuration = configuration
    }

    mutating func nextIdentifier() -> UInt64 {
        lastIdentifier += 1
        return lastIdentifier
    }

    mutating func push(_ purpose: PendingDeadline<Instant>.Purpose, at instant: Instant) {
        heap.insert(PendingDeadline(instant: instant, sequence: nextIdentifier(), purpose: purpose))
    }

    /// Queues a schedule's next run and returns the token that marks the entry as current.
    mutating func schedule(_ key: ScheduleKey, at deadline: RunDeadline<Instant>) -> UInt64 {
        let token = nextIdentifier()
        push(.run(key, token: token), at: deadline.instant)
        wakeLoopIfSooner(than: deadline.instant)
        return token
    }

    /// Wakes the loop only if it sleeps past `instant`: a later deadline is picked up when the
    /// loop next wakes anyway, so thousands of runs finishing do not wake it thousands of times.
    mutating func wakeLoopIfSooner(than instant: Instant) {
        guard loop.isParked, let parkedUntil = loop.parkedUntil, parkedUntil <= instant else {
            wakeLoop()
            return
        }
    }

    /// Tells the loop to look at the heap again (a deadline was added or changed).
    mutating func wakeLoop() {
        loop.wakePending = true
        effects.wakeLoop = true
    }

    /// Sends an event to every subscriber, in order, and keeps it for logging.
    mutating func publish(_ key: ScheduleKey, _ info: ScheduleInfo, at date: Date, _ kind: SchedulerEvent.Kind) {
        let event = SchedulerEvent(key: key, info: info, at: date, kind: kind)
        for (id, continuation) in subscribers {
            if case .terminated = continuation.yield(event) {
                subscribers[id] = nil
            }
        }
        effects.events.append(event)
    }

    mutating func takeEffects() -> SideEffects {
        defer { effects = SideEffects() }
        return effects
    }

    func isValid(_ entry: PendingDeadline<Instant>) -> Bool {
        switch entry.purpose {
        case .run(let key, let token): records[key]?.pendingToken == token
        case .timeout(let runID): inFlight[runID] != nil
        }
    }

    func diagnostics() -> SchedulerDiagnostics {
        SchedulerDiagnostics(
            schedules: records.count,
            activeSchedules: records.values.count { $0.status.isActive },
            runningRuns: inFlight.count,
            runsWaitingForSlot: waitingForSlot.count,
            abandonedRuns: abandoned.count,
            pendingDeadlines: heap.count,
            loopRunning: loop.isRunning,
            loopWakeUps: loop.wakeUps
        )
    }
}
