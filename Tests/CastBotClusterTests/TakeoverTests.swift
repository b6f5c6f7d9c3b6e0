@testable import CastBot
import CastBotCluster
import CastBotTestSupport
import Clocks
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import Scheduling
import ServiceLifecycle
import Synchronization
import Testing

/// Cluster policy on the in-memory database (`InMemoryClusterDatabase`) and a test clock: a run a
/// dead replica left goes through the scheduler like any run, so its stop DMs the admin and its
/// failure counts toward auto-disable. The waits are long because a full test run beside the
/// 100 MB suites can starve this one's tasks for tens of seconds; each returns as soon as its
/// condition holds.
@Suite("Cluster takeover through the scheduler", .serialized, .timeLimit(.minutes(5)))
struct TakeoverTests {
    @Test("A taken-over run that stops its schedule (channel deleted) DMs the admin once")
    func takenOverStopSendsOneDM() async throws {
        try await InMemoryClusterWorld.with { world in
            let key = try await world.setSchedule()
            // The run a dead replica left: the channel is gone by the time it is taken over.
            try await world.takeOverNextRun(key) {
                await world.place.sandbox.removeChannel(world.place.channelID)
            }
            #expect(await eventually(timeout: .seconds(90)) { world.engine.status(key)?.isActive == false })
            let status = try #require(world.engine.status(key))
            #expect(status.stopReason?.kind == .stoppedByRun)
            #expect(await eventually(timeout: .seconds(90)) {
                await world.place.sandbox.directMessages(toUser: world.place.adminID).count == 1
            })
            let dm = try #require(await world.place.sandbox.directMessages(toUser: world.place.adminID).first)
            #expect(dm.content.contains("stopped"))
            // Once, and the run is in the history as the stop it was.
            await world.place.clock.advance(by: .seconds(120))
            #expect(await world.place.sandbox.directMessages(toUser: world.place.adminID).count == 1)
            let history = try await world.database.storage.runHistory(for: key, limit: 10)
            #expect(history.map(\.result) == [.stoppedSchedule])
            #expect(world.replica.counter("castbot_cluster_runs_taken_over_total") == 1)
        }
    }

    @Test("Five failing runs in a row, some taken over from a dead replica, auto-disable the schedule")
    func failuresCountAcrossTakeovers() async throws {
        // Every run fails: the cluster's data file is not JSON from the start, so the replica's copy
        // is the same whenever it takes the database's version on.
        try await InMemoryClusterWorld.with(playerData: Array("not json".utf8)) { world in
            let key = try await world.setSchedule()
            for run in 1...5 {
                if run.isMultiple(of: 2) {
                    try await world.takeOverNextRun(key)
                } else {
                    try await world.runNextOnTime(key)
                }
                #expect(await eventually(timeout: .seconds(90)) { world.engine.status(key)?.failureCount == run })
            }
            let status = try #require(world.engine.status(key))
            #expect(status.isActive == false)
            #expect(status.stopReason?.kind == .autoDisabled)
            #expect(await eventually(timeout: .seconds(90)) {
                await world.place.sandbox.directMessages(toUser: world.place.adminID).count == 1
            })
            #expect(world.replica.counter("castbot_cluster_runs_taken_over_total") == 2)
            let history = try await world.database.storage.runHistory(for: key, limit: 10)
            #expect(history.count == 5)
            #expect(history.allSatisfy { $0.result == .failed })
        }
    }

    @Test("A schedule's row read late (an announcement handled after later runs) does not set the schedule back or skip deadlines")
    func staleRowIsNotAdopted() async throws {
        try await InMemoryClusterWorld.with { world in
            let key = try await world.setSchedule()
            try await world.runNextOnTime(key)
            let staleRow = try #require(try await world.database.storage.loadState().schedules?.schedules.first { $0.key == key })
            for _ in 0..<3 { try await world.runNextOnTime(key) }
            let before = try #require(world.engine.status(key))

            // The row as it was three runs ago is announced, then a new data file: changes are
            // taken on in order, so once the replica's copy is the new file the row was handled.
            try await world.database.storage.apply([.schedule(staleRow)])
            world.database.announce(.schedule(key))
            let file = try Fixtures.bytes(Fixtures.devCrashRestore)
            world.database.playerData = file
            world.database.announce(.playerData)
            #expect(await eventually(timeout: .seconds(90)) { (try? world.folder.read("playerData.json")) == file })

            let after = try #require(world.engine.status(key))
            #expect(after.nextRunAt == before.nextRunAt)
            #expect(after.skippedRuns == 0)
            try await world.runNextOnTime(key)
            #expect(world.engine.status(key)?.skippedRuns == 0)
        }
    }

    @Test("A run cut off by graceful shutdown gives its claim up at once, for another replica's next look, not after the lease")
    func cutOffRunReleasesItsClaim() async throws {
        try await InMemoryClusterWorld.with { world in
            let key = try await world.setSchedule()
            let next = try #require(world.engine.status(key)?.nextRunAt)
            // Discord never answers the webhook's creation: the run goes on until it is cut off.
            await world.place.sandbox.injectFault(try SandboxFault("POST /channels/*/webhooks", effect: .hang, count: nil))
            await world.place.clock.advance(by: InMemoryClusterWorld.untilDue(next, now: world.place.now()))
            #expect(await eventually(timeout: .seconds(90)) { world.database.claims().values.contains { !$0.finished } })

            // Graceful shutdown waits its grace (10 s on the test clock) for the run, then cuts it
            // off. The clock moves in small steps so that it stops soon after: the lease, renewed
            // every third of it while the run went on, would still have seconds left.
            let stopped = Mutex(false)
            let stopping = Task {
                await world.replica.stop()
                stopped.withLock { $0 = true }
            }
            while !stopped.withLock({ $0 }) {
                await world.place.clock.advance(by: .milliseconds(250))
                await Task.yield()
            }
            await stopping.value
            let claim = try #require(world.database.claims().values.first)
            #expect(!claim.finished)
            #expect(claim.leaseUntil < world.database.now)
            #expect(try world.database.expired(limit: 10).map(\.key) == [key])
        }
    }
}

/// One replica assembled as `castbot serve` assembles it in cluster mode, over the in-memory
/// database, the sandbox and one test clock. "Dead replicas" are claims the test leaves.
struct InMemoryClusterWorld: Sendable {
    let place: ClusterSandbox
    let database: InMemoryClusterDatabase
    let folder: TemporaryDirectory
    let replica: ClusterTestReplica

    var engine: any ScheduleEngine { replica.engine }

    /// - Parameter playerData: the cluster's data file (the real CastBot file by default).
    static func with(playerData: [UInt8]? = nil, _ body: (InMemoryClusterWorld) async throws -> Void) async throws {
        var logger = Logger.quiet("cluster-memory")
        logger.logLevel = .warning
        let place = try await ClusterSandbox.start(logger: logger)
        let shared = try TemporaryDirectory()
        let folder = try TemporaryDirectory()
        defer {
            shared.remove()
            folder.remove()
        }
        let database = InMemoryClusterDatabase(
            clock: place.clock, storage: try SQLiteStateStorage(directory: shared.path, logger: logger))
        database.playerData = try playerData ?? Fixtures.bytes(Fixtures.wholeFile)
        let replica = try await ClusterTestReplica.start(
            named: "replica-0", cluster: InMemoryClusterCoordination(database: database, replica: "replica-0"),
            folder: folder, place: place, logger: logger)
        let world = InMemoryClusterWorld(place: place, database: database, folder: folder, replica: replica)
        do {
            try await body(world)
        } catch {
            await replica.stop()
            await place.sandbox.stop()
            throw error
        }
        await replica.stop()
        await place.sandbox.stop()
    }

    /// A one-minute server export schedule, as the modal sets it.
    func setSchedule() async throws -> ScheduleKey {
        let scope = ExportScope.guild(Fixtures.exportGuildID)
        _ = try await replica.assembly.scheduled.exports.apply(
            ExportScheduleRequest(
                scope: scope, guildID: Fixtures.exportGuildID, channelID: place.channelID, setByUserID: place.adminID,
                intervalMinutes: 1, restartPolicy: .resume))
        return scope.scheduleKey
    }

    /// How far to move the clock so that a run shown as due at `next` is due (a millisecond past
    /// it: dates are kept to the millisecond).
    static func untilDue(_ next: Date, now: Date) -> Duration {
        .milliseconds(Int64(next.timeIntervalSince(now) * 1_000) + 1)
    }

    /// Moves the clock to the schedule's next run and waits until this replica has settled it.
    func runNextOnTime(_ key: ScheduleKey) async throws {
        let status = try #require(engine.status(key))
        let next = try #require(status.nextRunAt)
        let runs = status.runCount
        await place.clock.advance(by: Self.untilDue(next, now: place.now()))
        #expect(await eventually(timeout: .seconds(90)) {
            guard let now = engine.status(key) else { return false }
            return !now.isRunning && (now.runCount > runs || !now.isActive)
        })
    }

    /// The schedule's next run is claimed by a replica that then dies: this replica's timer finds
    /// it held elsewhere, the dead replica's lease runs out, and this replica takes it over.
    /// `beforeTakeover` runs once the timer has passed it by.
    func takeOverNextRun(_ key: ScheduleKey, beforeTakeover: @Sendable () async -> Void = {}) async throws {
        let status = try #require(engine.status(key))
        let next = try #require(status.nextRunAt)
        let slot = status.slot(of: next)
        let untilDue = Self.untilDue(next, now: place.now())
        // The dead replica's lease outlasts the deadline by 8 s.
        database.leaveClaim(key, slot: slot, replica: "dead-replica", leaseFor: untilDue + .seconds(8))
        let runs = status.runCount
        await place.clock.advance(by: untilDue)
        // The timer's run is left to the holder: nothing recorded, the next deadline planned.
        #expect(await eventually(timeout: .seconds(90)) {
            guard let now = engine.status(key) else { return false }
            return !now.isRunning && now.runCount == runs && now.nextRunAt != next
        })
        await beforeTakeover()
        // The lease runs out, and a look for expired claims (every 2 s) takes it over. The clock
        // moves 2 s at a time until one has (a look may be between its sleeps when it moves), well
        // before the next deadline.
        for _ in 0..<20 {
            await place.clock.advance(by: .seconds(2))
            let taken = await eventually(timeout: .milliseconds(300)) {
                database.claims()[.init(key: key, slot: slot)]?.replica == replica.name
            }
            if taken { break }
        }
        #expect(await eventually(timeout: .seconds(90)) { database.claims()[.init(key: key, slot: slot)]?.finished == true })
        #expect(await eventually(timeout: .seconds(90)) { engine.status(key)?.isRunning == false })
    }
}
