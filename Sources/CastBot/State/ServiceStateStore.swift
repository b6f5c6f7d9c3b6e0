import Foundation
import Logging
import Scheduling

/// The service's state in memory, written through to a `ServiceStateStorage` change by change.
///
/// Reads (`current()`) come from memory. Each change writes only what changed: a schedule's row,
/// one run-history row, a settings row, a notice. A run's delivered export is noted in memory
/// and written in the same transaction as the run's end, so a delivered run costs one commit.
/// A failed write is logged and counted; the in-memory state stays current and the next write of
/// the same row carries it.
///
/// What a person asked for (a schedule set or stopped, settings) and queued DMs are committed
/// durably before the call returns. A run's end (its schedule's row and last export) is committed
/// before the call returns too, so a crash of the process never loses it and the run is never
/// repeated, but without waiting for the disk; with `soleWriter`, its history row waits in
/// memory and goes with the next durable commit, which `flushHistoryPeriodically` makes at most
/// `historyFlushDelay` later (docs/OPERATIONS.md, "The data folder", says what a crash or a power
/// cut can lose).
package actor ServiceStateStore {
    package nonisolated let storage: any ServiceStateStorage
    private let logger: Logger
    private var state: ServiceState
    /// Exports delivered by runs whose end has not been recorded yet.
    private var deliveredByRunningRuns: [ScheduleKey: LastExportRecord] = [:]
    /// Writes that failed since the last successful one.
    package private(set) var failedWrites = 0
    /// Changes waiting for the next commit, and who waits for it.
    private var queuedChanges: [StateChange] = []
    private var queuedWaiters: [CheckedContinuation<Bool, Never>] = []
    private var isCommitting = false
    /// With `soleWriter`, each schedule's row as last written (or loaded): a status equal to it is
    /// not written again, so restoring 100,000 unchanged schedules at startup writes nothing.
    private var writtenStatuses: [ScheduleKey: ScheduleStatus]
    /// Whether the changes queued for the next commit include one that must be durable.
    private var queuedDurable = false
    /// Signalled when a notice is queued, so the outbox sends it without waiting for its next poll.
    nonisolated let noticeQueued = WakeSignal()

    /// This process is the only writer of `storage` (one machine, not a cluster's replica):
    /// finished runs' history rows wait for the next durable commit (`pendingHistory`) instead of
    /// each going with its run's commit, a history page per batch of runs rather than per run;
    /// and a schedule row equal to the one it last wrote is not written again (no other process
    /// can have changed it).
    private let soleWriter: Bool
    /// History rows of finished runs not written yet, oldest first.
    private var pendingHistory: [RunHistoryEntry] = []
    /// Signalled when a history row starts waiting, so `flushHistoryPeriodically` writes it.
    private nonisolated let historyWaiting = WakeSignal()
    /// How long a history row may wait, and so how long a run's end may stay off the disk (it
    /// is safe from a process crash at once).
    static let historyFlushDelay: Duration = .seconds(1)
    /// At most this many history rows wait; the run that would add one more commits durably.
    static let pendingHistoryLimit = 512

    package init(storage: any ServiceStateStorage, loaded: ServiceState, logger: Logger, soleWriter: Bool = false) {
        self.storage = storage
        self.state = loaded
        self.logger = logger
        self.soleWriter = soleWriter
        writtenStatuses = soleWriter ? Dictionary((loaded.schedules?.schedules ?? []).map { ($0.key, $0) }) { $1 } : [:]
    }

    /// Opens the SQLite state in `directory` (importing a `castbot-state.json` once) and loads it.
    /// This process is its only writer (`flushHistoryPeriodically` must run).
    package static func open(directory: String, logger: Logger) async throws -> ServiceStateStore {
        let storage = try SQLiteStateStorage(directory: directory, logger: logger)
        return try await open(storage, named: "the state database \(storage.path)", logger: logger, soleWriter: true)
    }

    /// Loads the state kept in `storage`.
    package static func open(
        _ storage: any ServiceStateStorage, named name: String, logger: Logger, soleWriter: Bool = false
    ) async throws -> ServiceStateStore {
        let loaded: ServiceState
        do {
            loaded = try await storage.loadState()
        } catch {
            throw StateStorageError("Could not read \(name): \(error)")
        }
        return ServiceStateStore(storage: storage, loaded: loaded, logger: logger, soleWriter: soleWriter)
    }

    /// The state as loaded at startup and changed since (its `schedules` are those loaded).
    package func current() -> ServiceState {
        state
    }

    func setExportSettings(_ request: ExportScheduleRequest, for key: ScheduleKey) async {
        state.exportSettings[key.rawValue] = request
        await write([.exportSettings(key: key, request)])
    }

    func setHealthSettings(_ settings: HealthMonitorSettings?) async {
        state.healthSettings = settings
        await write([.healthSettings(settings)])
    }

    /// Takes on what another process saved for one schedule; nothing is written.
    package func adoptSaved(key: ScheduleKey, exportSettings: ExportScheduleRequest?, lastExport: LastExportRecord?) {
        if let exportSettings { state.exportSettings[key.rawValue] = exportSettings }
        if let lastExport { state.lastExports[key.rawValue] = lastExport }
    }

    /// Takes on everything saved (after another process wrote it); nothing is written.
    package func adoptSaved(_ saved: ServiceState) {
        state.exportSettings.merge(saved.exportSettings) { $1 }
        state.lastExports.merge(saved.lastExports) { $1 }
        state.healthSettings = saved.healthSettings
    }

    /// A run delivered an export: known at once (drop warnings, status), written with the run's end.
    func noteDelivered(_ record: LastExportRecord, for key: ScheduleKey) {
        state.lastExports[key.rawValue] = record
        deliveredByRunningRuns[key] = record
    }

    /// Writes a schedule's row as the scheduler sees it now, with the run that just ended and a
    /// notice for its admin, in one transaction.
    func recordScheduleChange(
        _ status: ScheduleStatus?, key: ScheduleKey, at date: Date, finishedRun: RunHistoryEntry?, notice: (userID: String, content: String)?
    ) async {
        var changes: [StateChange] = []
        if let status { changes.append(.schedule(status)) }
        var finishedRun = finishedRun
        if finishedRun != nil, let record = deliveredByRunningRuns.removeValue(forKey: key) {
            changes.append(.lastExport(key: key, record))
            finishedRun?.exportByteCount = record.byteCount
            finishedRun?.verified = record.verified
        }
        if let notice { changes.append(.enqueueNotice(userID: notice.userID, content: notice.content, at: date)) }
        // A run's end need not wait for the disk: it is safe from a process crash once committed,
        // and its history row waits for the durable commit that makes it durable too.
        var durable = finishedRun == nil || notice != nil || !soleWriter
        if let finishedRun {
            if soleWriter {
                pendingHistory.append(finishedRun)
                if pendingHistory.count >= Self.pendingHistoryLimit {
                    durable = true
                } else if pendingHistory.count == 1 {
                    historyWaiting.signal()
                }
            } else {
                changes.append(.runFinished(finishedRun))
            }
        }
        await write(changes, durable: durable)
        if notice != nil { noticeQueued.signal() }
    }

    /// Writes the history rows waiting, in a durable commit (which also makes every commit
    /// before it durable).
    func flushHistory() async {
        await write([], durable: true)
    }

    /// Writes waiting history rows at most `historyFlushDelay` after the first of them started
    /// waiting, until cancelled.
    func flushHistoryPeriodically(on clock: any Clock<Duration>) async {
        while !Task.isCancelled {
            await historyWaiting.wait()
            try? await clock.sleep(for: Self.historyFlushDelay)
            await flushHistory()
        }
    }

    /// A schedule's newest runs, newest first: the waiting history rows are written first.
    func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry] {
        await flushHistory()
        return try await storage.runHistory(for: key, limit: limit)
    }

    /// The newest runs of each of `keys`, newest first: the waiting history rows are written first.
    func runHistories(for keys: Set<ScheduleKey>, limit: Int) async throws -> [ScheduleKey: [RunHistoryEntry]] {
        await flushHistory()
        return try await storage.runHistories(for: keys, limit: limit)
    }

    /// History rows waiting for the next durable commit (tests).
    var pendingHistoryCount: Int { pendingHistory.count }

    /// Writes every schedule's row in one transaction (startup, shutdown), and forgets the
    /// schedules a restart cleared.
    func saveSchedules(_ statuses: [ScheduleStatus], forgetting cleared: [ScheduleKey] = []) async {
        await write(statuses.map(StateChange.schedule) + cleared.map(StateChange.forgetSchedule))
    }

    /// Applies outbox bookkeeping (delivered, retry, abandoned).
    func updateNotice(_ change: StateChange) async {
        await write([change])
    }

    /// Queues `changes` and returns once they are committed (false if the commit failed, which is
    /// logged). Changes queued while a commit is in flight go together in the next transaction
    /// (group commit): a durable commit waits for an fsync of a few milliseconds, and without
    /// grouping a burst of schedule requests would queue behind one another's fsyncs. A durable
    /// write takes the waiting history rows along.
    @discardableResult
    private func write(_ changes: [StateChange], durable: Bool = true) async -> Bool {
        var changes = changes.filter { isNews($0) }
        if durable, !pendingHistory.isEmpty {
            changes += pendingHistory.map(StateChange.runFinished)
            pendingHistory.removeAll()
        }
        guard !changes.isEmpty else { return true }
        return await withCheckedContinuation { continuation in
            queuedChanges += changes
            queuedDurable = queuedDurable || durable
            queuedWaiters.append(continuation)
            if !isCommitting {
                isCommitting = true
                Task { await self.commitQueued() }
            }
        }
    }

    /// False for a schedule row equal to the one written; notes the rows about to be written.
    private func isNews(_ change: StateChange) -> Bool {
        switch change {
        case .schedule(let status):
            guard soleWriter else { return true }
            guard writtenStatuses[status.key] != status else { return false }
            writtenStatuses[status.key] = status
        case .forgetSchedule(let key):
            writtenStatuses[key] = nil
        default:
            break
        }
        return true
    }

    /// Changes waiting for the next commit (tests).
    var queuedChangeCount: Int { queuedChanges.count }

    private func commitQueued() async {
        while !queuedChanges.isEmpty {
            let (batch, waiters, durable) = (queuedChanges, queuedWaiters, queuedDurable)
            (queuedChanges, queuedWaiters, queuedDurable) = ([], [], false)
            let committed: Bool
            do {
                try await storage.apply(batch, durable: durable)
                failedWrites = 0
                committed = true
            } catch {
                // Not written: the next write of these rows must not be skipped as unchanged.
                for case .schedule(let status) in batch { writtenStatuses[status.key] = nil }
                failedWrites += 1
                logger.error("could not save the service state", metadata: ["error": "\(error)", "changes": "\(batch.count)"])
                committed = false
            }
            for waiter in waiters { waiter.resume(returning: committed) }
        }
        isCommitting = false
    }
}

/// Why a state file was not used.
enum StateFileError: Error, CustomStringConvertible {
    case newerFormat(Int)

    var description: String {
        switch self {
        case .newerFormat(let version):
            "the file has format version \(version); this version of CastBot reads up to \(ServiceState.currentFormatVersion)"
        }
    }
}
