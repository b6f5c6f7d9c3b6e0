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
    /// Signalled when a notice is queued, so the outbox sends it without waiting for its next poll.
    nonisolated let noticeQueued = WakeSignal()

    package init(storage: any ServiceStateStorage, loaded: ServiceState, logger: Logger) {
        self.storage = storage
        self.state = loaded
        self.logger = logger
    }

    /// Opens the SQLite state in `directory` (importing a `castbot-state.json` once) and loads it.
    package static func open(directory: String, logger: Logger) async throws -> ServiceStateStore {
        let storage = try SQLiteStateStorage(directory: directory, logger: logger)
        return try await open(storage, named: "the state database \(storage.path)", logger: logger)
    }

    /// Loads the state kept in `storage`.
    package static func open(_ storage: any ServiceStateStorage, named name: String, logger: Logger) async throws -> ServiceStateStore {
        let loaded: ServiceState
        do {
            loaded = try await storage.loadState()
        } catch {
            throw StateStorageError("Could not read \(name): \(error)")
        }
        return ServiceStateStore(storage: storage, loaded: loaded, logger: logger)
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
        if let finishedRun { changes.append(.runFinished(finishedRun)) }
        if let notice { changes.append(.enqueueNotice(userID: notice.userID, content: notice.content, at: date)) }
        await write(changes)
        if notice != nil { noticeQueued.signal() }
    }

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
    /// (group commit): each commit waits for an fsync of a few milliseconds, and without grouping
    /// a burst of schedule requests would queue behind one another's fsyncs.
    @discardableResult
    private func write(_ changes: [StateChange]) async -> Bool {
        guard !changes.isEmpty else { return true }
        return await withCheckedContinuation { continuation in
            queuedChanges += changes
            queuedWaiters.append(continuation)
            if !isCommitting {
                isCommitting = true
                Task { await self.commitQueued() }
            }
        }
    }

    /// Changes waiting for the next commit (tests).
    var queuedChangeCount: Int { queuedChanges.count }

    private func commitQueued() async {
        while !queuedChanges.isEmpty {
            let (batch, waiters) = (queuedChanges, queuedWaiters)
            (queuedChanges, queuedWaiters) = ([], [])
            let committed: Bool
            do {
                try await storage.apply(batch)
                failedWrites = 0
                committed = true
            } catch {
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
