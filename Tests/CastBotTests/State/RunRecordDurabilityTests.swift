import Clocks
import Foundation
import Logging
import Scheduling
import Testing

@testable import CastBot
import CastBotTestSupport

/// What a run's end costs and what a crash can take from it (docs/OPERATIONS.md, "The data
/// folder"): the schedule's row is committed before the run is reported done (a crash of the
/// process never repeats a run), without waiting for the disk; the history row waits in memory
/// for the next durable commit, at most a second.
@Suite("Run records: committed at once, history in batches", .timeLimit(.minutes(1)))
struct RunRecordDurabilityTests {
    static let logger = Logger.quiet("run-records")
    static let start = Date(timeIntervalSince1970: 1_760_000_000)

    static func finishedRun(_ key: ScheduleKey, _ run: Int) -> RunHistoryEntry {
        RunHistoryEntry(
            scheduleKey: key, run: run, scheduledAt: start, startedAt: start, finishedAt: start.addingTimeInterval(Double(run)),
            result: .succeeded, message: nil)
    }

    static func ranStatus(_ key: ScheduleKey, runs: Int) throws -> ScheduleStatus {
        var status = try StateStorageTests.status(key)
        status.runCount = runs
        status.lastRun = RunRecord(
            number: runs, scheduledAt: start, startedAt: start, finishedAt: start.addingTimeInterval(Double(runs)), result: .succeeded)
        return status
    }

    /// What the files hold if the process died now: a copy of the database and its WAL as the
    /// operating system has them (a kill -9 loses nothing the process handed to the kernel).
    static func crashImage(of directory: TemporaryDirectory) throws -> TemporaryDirectory {
        let image = try TemporaryDirectory()
        for suffix in ["", "-wal"] {
            let name = SQLiteStateStorage.defaultFileName + suffix
            if directory.exists(name) { try image.write(try directory.read(name), to: name) }
        }
        return image
    }

    static func record(_ store: ServiceStateStore, _ key: ScheduleKey, run: Int) async throws {
        await store.recordScheduleChange(
            try ranStatus(key, runs: run), key: key, at: start, finishedRun: finishedRun(key, run), notice: nil)
    }

    @Test("A run's end is in the files when the call returns: a crash image has every schedule row and its last run")
    func runEndSurvivesAProcessCrash() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
        let keys = (0..<20).map { ScheduleKey("export:guild:\(1_300_000_000_000_000_000 + $0)") }
        for key in keys { try await Self.record(store, key, run: 4) }

        let image = try Self.crashImage(of: directory)
        defer { image.remove() }
        let reopened = try await SQLiteStateStorage(directory: image.path, logger: Self.logger).loadState()
        let schedules = reopened.schedules?.schedules ?? []
        #expect(schedules.count == 20)
        #expect(schedules.allSatisfy { $0.runCount == 4 && $0.lastRun?.number == 4 }, "no run would be repeated after the restart")
        // The history rows were waiting in memory: the crash takes them, and only them.
        #expect(await store.pendingHistoryCount == 20)
        #expect(try await SQLiteStateStorage(path: "\(image.path)/\(SQLiteStateStorage.defaultFileName)").count("run_history") == 0)
    }

    @Test("Waiting history rows are written within the flush delay on the clock, and survive a crash after it")
    func historyIsFlushedOnTheClock() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = TestClock<Duration>()
        let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
        let flusher = Task { await store.flushHistoryPeriodically(on: clock) }
        defer { flusher.cancel() }
        let key = ScheduleKey("export:guild:1300000000000000000")
        for run in 1...3 { try await Self.record(store, key, run: run) }
        #expect(await store.pendingHistoryCount == 3)

        await clock.advance(by: .milliseconds(500))
        #expect(await store.pendingHistoryCount == 3, "half the delay: still waiting")
        #expect(await eventually {
            await clock.advance(by: .milliseconds(500))
            return await store.pendingHistoryCount == 0
        })
        let image = try Self.crashImage(of: directory)
        defer { image.remove() }
        let history = try await SQLiteStateStorage(path: "\(image.path)/\(SQLiteStateStorage.defaultFileName)").runHistory(for: key, limit: 10)
        #expect(history.map(\.run) == [3, 2, 1])
    }

    @Test("Shutdown writes the waiting history rows; reopened, the history is whole and in order")
    func shutdownFlushesHistory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = ScheduleKey("export:all")
        do {
            let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
            for run in 1...5 { try await Self.record(store, key, run: run) }
            #expect(await store.pendingHistoryCount == 5)
            await store.flushHistory()
            #expect(await store.pendingHistoryCount == 0)
        }
        let reopened = try SQLiteStateStorage(directory: directory.path, logger: Self.logger)
        #expect(try await reopened.runHistory(for: key, limit: 10).map(\.run) == [5, 4, 3, 2, 1])
        #expect(try await reopened.loadState().schedules?.schedules.first?.runCount == 5)
    }

    @Test("Reading a schedule's history through the store includes the runs still waiting")
    func readsSeeWaitingRows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
        let key = ScheduleKey("export:guild:1300000000000000000")
        let other = ScheduleKey("export:guild:1300000000000000001")
        for run in 1...3 {
            try await Self.record(store, key, run: run)
            try await Self.record(store, other, run: run)
        }
        #expect(try await store.runHistory(for: key, limit: 2).map(\.run) == [3, 2])
        #expect(await store.pendingHistoryCount == 0)
    }

    @Test("A durable change (a schedule set, a DM queued) takes the waiting history rows along")
    func durableWriteTakesHistoryAlong() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
        let key = ScheduleKey("export:guild:1300000000000000000")
        try await Self.record(store, key, run: 1)
        await store.recordScheduleChange(try StateStorageTests.status(key), key: key, at: Self.start, finishedRun: nil, notice: nil)
        #expect(await store.pendingHistoryCount == 0)
        #expect(try await store.storage.runHistory(for: key, limit: 5).map(\.run) == [1])
    }

    @Test("At most the limit of history rows wait: the run that reaches it commits them all, durably")
    func pendingHistoryIsBounded() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ServiceStateStore.open(directory: directory.path, logger: Self.logger)
        let key = ScheduleKey("export:all")
        for run in 1..<ServiceStateStore.pendingHistoryLimit { try await Self.record(store, key, run: run) }
        #expect(await store.pendingHistoryCount == ServiceStateStore.pendingHistoryLimit - 1)
        try await Self.record(store, key, run: ServiceStateStore.pendingHistoryLimit)
        #expect(await store.pendingHistoryCount == 0)
        let newest = try await store.storage.runHistory(for: key, limit: 2)
        #expect(newest.map(\.run) == [ServiceStateStore.pendingHistoryLimit, ServiceStateStore.pendingHistoryLimit - 1])
    }

    @Test("A schedule row equal to the one loaded or last written is not written again (a restart of unchanged schedules)")
    func unchangedRowsAreNotRewritten() async throws {
        let storage = GatedStorage()
        storage.open()
        let key = ScheduleKey("export:guild:1300000000000000000")
        let saved = try StateStorageTests.status(key)
        let loaded = ServiceState(schedules: SchedulerSnapshot(takenAt: Self.start, schedules: [saved]))
        let store = ServiceStateStore(storage: storage, loaded: loaded, logger: Self.logger, soleWriter: true)
        await store.saveSchedules([saved])
        await store.recordScheduleChange(saved, key: key, at: Self.start, finishedRun: nil, notice: nil)
        #expect(storage.batchSizes.isEmpty, "the loaded row, unchanged: nothing written")
        var changed = saved
        changed.runCount += 1
        await store.saveSchedules([changed])
        await store.saveSchedules([changed])
        #expect(storage.batchSizes == [1], "written once")

        // A replica of a cluster is not the only writer: it writes every row it is given.
        let shared = GatedStorage()
        shared.open()
        let replica = ServiceStateStore(storage: shared, loaded: loaded, logger: Self.logger)
        await replica.saveSchedules([saved])
        #expect(shared.batchSizes == [1])
    }

    @Test("Without batching (the cluster's storage) the history row goes with its run's commit")
    func unbatchedStoreWritesAtOnce() async throws {
        let storage = try SQLiteStateStorage(path: ":memory:")
        let store = ServiceStateStore(storage: storage, loaded: ServiceState(), logger: Self.logger)
        let key = ScheduleKey("export:all")
        try await Self.record(store, key, run: 1)
        #expect(await store.pendingHistoryCount == 0)
        #expect(try await storage.count("run_history") == 1)
    }
}

@Suite("Run history of one status page, read in one pass", .timeLimit(.minutes(1)))
struct RunHistoriesTests {
    @Test("Each schedule's newest runs, newest first, as reading them one by one gives")
    func sameAsOneByOne() async throws {
        let storage = try SQLiteStateStorage(path: ":memory:")
        let keys = (0..<30).map { ScheduleKey("export:guild:\(1_300_000_000_000_000_000 + $0)") }
        var changes: [StateChange] = []
        for run in 1...25 {
            for (index, key) in keys.enumerated() where run <= 5 + index {
                changes.append(.runFinished(RunRecordDurabilityTests.finishedRun(key, run)))
            }
        }
        try await storage.apply(changes)
        let wanted = Set(keys.prefix(20)).union([ScheduleKey("export:guild:none")])
        let histories = try await storage.runHistories(for: wanted, limit: 20)
        #expect(histories[ScheduleKey("export:guild:none")] == nil)
        for key in keys.prefix(20) {
            let oneByOne = try await storage.runHistory(for: key, limit: 20)
            #expect(histories[key] == oneByOne)
        }
        #expect(histories[keys[0]]?.map(\.run) == [5, 4, 3, 2, 1])
        #expect(histories[keys[19]]?.count == 20 && histories[keys[19]]?.first?.run == 24)
        #expect(histories[keys[25]] == nil, "only the schedules asked for")
    }
}
