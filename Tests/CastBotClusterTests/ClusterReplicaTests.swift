@testable import CastBot
@testable import CastBotCluster
import CastBotTestSupport
import LocalServers
import Clocks
import DiscordModels
import DiscordREST
import DiscordSandbox
import Foundation
import Logging
import PlayerData
import PostgresNIO
import Scheduling
import ServiceLifecycle
import Synchronization
import Testing

/// Replicas of `castbot serve` sharing one real PostgreSQL 15 (started by the tests) and one
/// DiscordSandbox, each with its own data folder, all on one test clock. They talk to each other
/// only through the database: claims, LISTEN/NOTIFY announcements, the state rows.
@Suite("Cluster replicas", .serialized, .timeLimit(.minutes(3)))
struct ClusterReplicaTests {
    @Test("A schedule set on one replica is known to the other at once and each run is delivered exactly once")
    func exactlyOncePerSlot() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            let key = try await world.setSchedule(on: world.replicas[0])
            #expect(await eventually(timeout: .seconds(30)) { world.replicas[1].engine.status(key)?.isActive == true })
            let first = try #require(world.replicas[0].engine.status(key))
            let mirrored = try #require(world.replicas[1].engine.status(key))
            #expect(mirrored.gridAnchor == first.gridAnchor)
            #expect(try abs(#require(mirrored.nextRunAt).timeIntervalSince(#require(first.nextRunAt))) < 1)

            // The first run (5 s after setting), then two more on the one-minute grid.
            for (runs, step) in [(1, 5), (2, 60), (3, 60)] {
                let due = world.replicas.map { $0.engine.status(key)?.nextRunAt }
                await world.clock.advance(by: .seconds(step))
                #expect(await eventually(timeout: .seconds(30)) { await (try? world.finishedClaims()) == runs })
                #expect(await world.exportMessages().count == runs)
                // The run's end is recorded once the scheduler has settled it and planned the next
                // run: only then may the clock move on (else the next deadline would pass during it).
                #expect(await eventually(timeout: .seconds(30)) { await (try? world.historyRows()) == runs })
                // The replica that left the run to the other settles it too (it asked for the claim
                // and heard "held elsewhere") and plans its next deadline; the clock moves on only
                // then, as time would.
                #expect(await eventually(timeout: .seconds(30)) {
                    zip(world.replicas, due).allSatisfy { replica, due in
                        guard let status = replica.engine.status(key), let next = status.nextRunAt, let due else { return false }
                        return !status.isRunning && next > due
                    }
                })
            }
            let claims = try await world.claims()
            #expect(Set(claims.map(\.slot)).count == 3)
            #expect(claims.allSatisfy { $0.state == "finished" && $0.outcome == "succeeded" && $0.takeovers == 0 })
            // Only the replica that ran a run records it.
            #expect(await eventually(timeout: .seconds(10)) { await (try? world.historyRows()) == 3 })
            // Runs on time skip no deadline, on the replica that ran them or on one that took on its status.
            #expect(
                world.replicas.map { $0.engine.status(key)?.skippedRuns } == [0, 0],
                "\(world.replicas.map { String(describing: $0.engine.status(key)) })")
        }
    }

    @Test("A run whose replica died before posting is taken over and posted once")
    func deadReplicaTakenOver() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            let key = try await world.setSchedule(on: world.replicas[0])
            #expect(await eventually(timeout: .seconds(30)) { world.replicas[1].engine.status(key)?.isActive == true })
            let status = try #require(world.replicas[0].engine.status(key))
            let slot = status.slot(of: try #require(status.nextRunAt))
            // A third replica claimed the first run and died: its lease is already over.
            let dead = RunClaims(database: world.database, replica: "dead-replica", lease: .zero)
            #expect(try await dead.claim(key, dueAt: slot) == .claimed(takeover: false))

            await world.clock.advance(by: .seconds(5))
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.finishedClaims()) == 1 })
            #expect(await world.exportMessages().count == 1)
            let claim = try #require(try await world.claims().first)
            #expect(claim.replica != "dead-replica")
            #expect(claim.takeovers == 1)
            #expect(claim.outcome == "succeeded")
            // `/metrics`: the replica that ran it counts a claim and a takeover; nobody lost one.
            let replicas = world.replicas
            #expect(replicas.map { $0.counter("castbot_cluster_runs_claimed_total") }.reduce(0, +) == 1)
            #expect(replicas.map { $0.counter("castbot_cluster_runs_taken_over_total") }.reduce(0, +) == 1)
            #expect(replicas.first { $0.name == claim.replica }?.counter("castbot_cluster_runs_taken_over_total") == 1)
            #expect(replicas.map { $0.counter("castbot_cluster_claims_lost_total") }.reduce(0, +) == 0)
        }
    }

    @Test("Webhooks of ours that another replica may be using are never swept, even when the channel is full")
    func youngWebhooksNotSwept() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            // Fifteen young webhooks (Discord's limit): they may be other replicas' deliveries.
            try await world.fillChannelWithOurWebhooks()
            _ = try await world.setSchedule(on: world.replicas[0])
            await world.clock.advance(by: .seconds(5))
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.finishedClaims()) == 1 })
            #expect(try await world.claims().first?.outcome?.hasPrefix("failed") == true)
            #expect(await world.sandbox.webhooks(inChannel: world.channelID).count == 15)
            #expect(await world.exportMessages().isEmpty)
        }
    }

    @Test("Webhooks of ours older than any delivery are leftovers: swept once the channel is full, and the run delivers")
    func oldWebhooksSwept() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            try await world.fillChannelWithOurWebhooks()
            await world.clock.advance(by: .seconds(21 * 60))
            _ = try await world.setSchedule(on: world.replicas[1])
            let key = ExportScope.guild(world.guildID).scheduleKey
            #expect(await eventually(timeout: .seconds(30)) { world.replicas[0].engine.status(key)?.isActive == true })
            await world.clock.advance(by: .seconds(5))
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.finishedClaims()) == 1 })
            #expect(await world.exportMessages().count == 1)
            await world.clock.advance(by: .seconds(10))  // the delivery's own webhook is deleted 5 s on
            #expect(await eventually(timeout: .seconds(30)) { await world.sandbox.webhooks(inChannel: world.channelID).isEmpty })
        }
    }

    @Test("A run posted by a replica that died before recording it is not posted again")
    func postedBeforeDeathNotRepeated() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            _ = try await world.setSchedule(on: world.replicas[0])
            await world.clock.advance(by: .seconds(5))
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.finishedClaims()) == 1 })
            #expect(await world.exportMessages().count == 1)
            // As if the replica had been killed between posting and recording the run.
            try await world.database.client.query(
                "UPDATE run_claims SET state = 'running', replica = 'dead-replica', lease_until = 0, outcome = NULL", logger: world.logger)

            // The sweepers look every third of the lease.
            await world.clock.advance(by: .seconds(5))
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.claims().first?.outcome) == RunClaimOutcome.postedBeforeTakeover })
            #expect(await world.exportMessages().count == 1)
        }
    }

    @Test("Replicas note themselves alive, so that they share the bot's Discord limits; one stopping leaves at once")
    func replicasCounted() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            // Each replica notes itself at start and at every look for expired runs.
            #expect(await eventually(timeout: .seconds(30)) { await (try? world.aliveReplicas()) == ["replica-0", "replica-1"] })
            await world.replicas[1].stop()
            let alive = try await world.aliveReplicas()
            #expect(alive == ["replica-0"])
        }
    }

    @Test("A restarted replica resumes every schedule from the database, whatever its restart policy")
    func schedulesSurviveRestart() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            let key = try await world.setSchedule(on: world.replicas[0], policy: .clear)
            #expect(world.replicas[0].assembly.scheduled.exports.survivesRestarts)
            #expect(await eventually(timeout: .seconds(30)) { world.replicas[1].engine.status(key)?.isActive == true })
            let before = try #require(world.replicas[1].engine.status(key))
            await world.replicas[1].stop()
            let restarted = try await world.startReplica(named: "replica-b2", folder: world.replicas[1].folder)
            let after = try #require(restarted.engine.status(key))
            #expect(after.isActive)
            #expect(after.nextRunAt == before.nextRunAt)
            #expect(after.gridAnchor == before.gridAnchor)
            await restarted.stop()
        }
    }

    @Test("A replica that cannot reach the database refuses schedule changes, saying why, and changes nothing")
    func refusesWithoutDatabase() async throws {
        try await ClusterWorld.with(replicas: 1) { world in
            let replica = world.replicas[0]
            await replica.onStop()  // its database connection closes
            await #expect {
                try await world.setSchedule(on: replica)
            } throws: { error in
                "\(error)".contains("the cluster's database is unreachable")
            }
            #expect(replica.engine.statuses().isEmpty)
            let claims = try await world.claims()
            #expect(claims.isEmpty)
        }
    }

    @Test("The schedule modal offers no restart policy in cluster mode")
    func modalWithoutRestartPolicy() throws {
        let clustered = ScheduleModal.payload(last: nil, offerAll: false, offerRestartPolicy: false, statusText: "none")
        let single = ScheduleModal.payload(last: nil, offerAll: false, statusText: "none")
        let fields = { (payload: ModalPayloadText) in payload.contains(CustomID.Field.restartPolicy) }
        #expect(!fields(ModalPayloadText(clustered)))
        #expect(fields(ModalPayloadText(single)))
    }

    @Test("An import on one replica is saved in the database with the previous version kept, and reaches the other's copy")
    func importReachesOtherReplica() async throws {
        try await ClusterWorld.with(replicas: 2) { world in
            let store = world.replicas[0].assembly.store
            let export = try Fixtures.bytes(Fixtures.serverExport)
            let plan = try await store.planImport(export)
            _ = try await store.apply(plan, date: world.now())
            let saved = try #require(try await PostgresPlayerData(database: world.database).file())
            // The database holds what the importing replica wrote to its own copy, and it is the import's result.
            #expect(saved == (try world.replicas[0].folder.read("playerData.json")))
            #expect(saved != (try Fixtures.bytes(Fixtures.wholeFile)))
            #expect(try PlayerDataFile(bytes: saved).guildIDs.contains(Fixtures.exportGuildID))
            #expect(try await PostgresPlayerData(database: world.database).previousFile() == Fixtures.bytes(Fixtures.wholeFile))
            #expect(await eventually(timeout: .seconds(30)) { (try? world.replicas[1].folder.read("playerData.json")) == saved })

            // A plan made against the old version is refused once the data moved on.
            let stale = try await world.replicas[1].assembly.store.planImport(Fixtures.bytes(Fixtures.wholeFile))
            try await PostgresPlayerData(database: world.database).save(PlayerDataFile(bytes: Fixtures.bytes(Fixtures.devCrashRestore)), force: true)
            await #expect(throws: PlayerDataError.self) { try await world.replicas[1].assembly.store.apply(stale, date: world.now()) }
        }
    }

    @Test("The database check behind /healthz: nil while the database answers, the reason when it does not")
    func healthReportsDatabase() async throws {
        let unreachable = try ClusterDatabase.opened(url: "postgres://castbot@127.0.0.1:\(try LoopbackPort.free())/castbot", logger: .quiet("db"))
        let clock = TestClock<Duration>()
        let cluster = PostgresCluster(database: unreachable, replica: "replica-x", clock: clock)
        let answer = Mutex<String??>(nil)
        Task { let problem = await cluster.databaseProblem(); answer.withLock { $0 = .some(problem) } }
        // It gives up on its own clock, not after the pool's own connection attempts.
        #expect(await eventually(timeout: .seconds(30)) {
            await clock.advance(by: .seconds(1))
            return answer.withLock { $0 != nil }
        })
        let problem = try #require(answer.withLock { $0 } ?? nil)
        #expect(problem.contains("does not answer") || problem.contains("did not answer within"))
        await unreachable.shutdown()

        let database = try await ClusterWorld.freshDatabase()
        #expect(await PostgresCluster(database: database, replica: "r").databaseProblem() == nil)
        await database.shutdown()
    }
}

/// A modal's JSON, to look for a field in it.
struct ModalPayloadText {
    let text: String

    init(_ payload: ModalPayload) {
        text = (try? String(decoding: JSONEncoder().encode(payload), as: UTF8.self)) ?? ""
    }

    func contains(_ part: String) -> Bool { text.contains(part) }
}
