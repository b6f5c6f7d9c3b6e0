@testable import CastBot
import CastBotCluster
import Foundation
import PlayerData
import Scheduling
import Synchronization

/// Cluster mode's shared database in memory, for policy tests on a test clock: run claims with
/// leases on the test clock, one state storage every replica writes (SQLite in a folder of the
/// test's), the player data, and announcements to every replica. The SQL itself is tested
/// against a real PostgreSQL in `ClusterStorageTests` and the replica tests that keep it.
final class InMemoryClusterDatabase: Sendable {
    struct Claim: Sendable, Equatable {
        var replica: String
        var leaseUntil: Duration
        var finished = false
        var outcome: String?
        var takeovers = 0
    }

    struct ClaimKey: Hashable, Sendable {
        var key: ScheduleKey
        var slot: Date
    }

    private struct State {
        var claims: [ClaimKey: Claim] = [:]
        var playerData: [UInt8]?
        var followers: [UInt64: AsyncStream<ClusterChange>.Continuation] = [:]
        var nextFollower: UInt64 = 0
        var alive: Set<String> = []
        var unreachable: String?
    }

    /// Times are offsets on this clock from its start, like the database's clock.
    let clock: any Clock<Duration>
    private let elapsed: @Sendable () -> Duration
    let storage: any ServiceStateStorage
    private let state = Mutex(State())

    init<C: Clock>(clock: C, storage: any ServiceStateStorage) where C.Duration == Duration {
        self.clock = clock
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        self.storage = storage
    }

    var now: Duration { elapsed() }

    /// Makes the database unreachable (`reason`) or reachable again (nil).
    func setUnreachable(_ reason: String?) { state.withLock { $0.unreachable = reason } }

    func claims() -> [ClaimKey: Claim] { state.withLock { $0.claims } }

    /// Puts a claim as a replica that dies right after claiming would leave it: running, its
    /// lease running out `leaseFor` from now.
    func leaveClaim(_ key: ScheduleKey, slot: Date, replica: String, leaseFor: Duration) {
        let now = now
        state.withLock { $0.claims[ClaimKey(key: key, slot: slot)] = Claim(replica: replica, leaseUntil: now + leaseFor) }
    }

    func checkReachable() throws {
        if let reason = state.withLock({ $0.unreachable }) { throw InMemoryClusterError(reason) }
    }

    func claim(_ key: ScheduleKey, slot: Date, replica: String, lease: Duration) throws -> RunClaim {
        try checkReachable()
        let now = now
        return state.withLock { state in
            let id = ClaimKey(key: key, slot: slot)
            guard var claim = state.claims[id] else {
                state.claims[id] = Claim(replica: replica, leaseUntil: now + lease)
                return .claimed(takeover: false)
            }
            if claim.finished { return .finished(replica: claim.replica) }
            guard claim.leaseUntil < now else { return .heldElsewhere(replica: claim.replica) }
            claim.replica = replica
            claim.leaseUntil = now + lease
            claim.takeovers += 1
            state.claims[id] = claim
            return .claimed(takeover: true)
        }
    }

    func renew(_ key: ScheduleKey, slot: Date, replica: String, lease: Duration) throws -> Bool {
        let now = now
        return try changeRunningClaim(key, slot: slot, of: replica) { $0.leaseUntil = now + lease }
    }

    func finish(_ key: ScheduleKey, slot: Date, replica: String, outcome: String) throws -> Bool {
        try changeRunningClaim(key, slot: slot, of: replica) { claim in
            claim.finished = true
            claim.outcome = outcome
        }
    }

    func release(_ key: ScheduleKey, slot: Date, replica: String) throws {
        let now = now
        _ = try changeRunningClaim(key, slot: slot, of: replica) { $0.leaseUntil = now - .nanoseconds(1) }
    }

    /// Changes a claim `replica` holds and has not finished; false when it holds none.
    private func changeRunningClaim(_ key: ScheduleKey, slot: Date, of replica: String, _ change: (inout Claim) -> Void) throws -> Bool {
        try checkReachable()
        return state.withLock { state in
            let id = ClaimKey(key: key, slot: slot)
            guard var claim = state.claims[id], claim.replica == replica, !claim.finished else { return false }
            change(&claim)
            state.claims[id] = claim
            return true
        }
    }

    func expired(limit: Int) throws -> [ExpiredRun] {
        try checkReachable()
        let now = now
        return state.withLock { state in
            state.claims.filter { !$0.value.finished && $0.value.leaseUntil < now }
                .sorted { $0.key.slot < $1.key.slot }.prefix(limit)
                .map { ExpiredRun(key: $0.key.key, slot: $0.key.slot, replica: $0.value.replica) }
        }
    }

    func announce(_ change: ClusterChange) {
        let followers = state.withLock { Array($0.followers.values) }
        for follower in followers { follower.yield(change) }
    }

    func follow() -> (AsyncStream<ClusterChange>, UInt64) {
        let (stream, continuation) = AsyncStream.makeStream(of: ClusterChange.self)
        continuation.yield(.resynchronize)
        let id = state.withLock { state in
            state.nextFollower += 1
            state.followers[state.nextFollower] = continuation
            return state.nextFollower
        }
        return (stream, id)
    }

    func unfollow(_ id: UInt64) {
        state.withLock { $0.followers.removeValue(forKey: id) }?.finish()
    }

    func heartbeat(_ replica: String) -> Int {
        state.withLock { state in
            state.alive.insert(replica)
            return state.alive.count
        }
    }

    func leave(_ replica: String) { _ = state.withLock { $0.alive.remove(replica) } }

    var playerData: [UInt8]? {
        get { state.withLock { $0.playerData } }
        set { state.withLock { $0.playerData = newValue } }
    }
}

struct InMemoryClusterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One replica's view of `InMemoryClusterDatabase`.
struct InMemoryClusterCoordination: ClusterCoordination {
    let database: InMemoryClusterDatabase
    let replica: String
    let lease: Duration

    init(database: InMemoryClusterDatabase, replica: String, lease: Duration = .seconds(10)) {
        self.database = database
        self.replica = replica
        self.lease = lease
    }

    var stateStorage: any ServiceStateStorage { AnnouncingStorage(database: database) }
    var playerDataUpstream: any PlayerDataUpstream { InMemoryPlayerData(database: database) }

    func claimRun(_ key: ScheduleKey, slot: Date) async throws -> RunClaim {
        try database.claim(key, slot: slot, replica: replica, lease: lease)
    }

    func renewRun(_ key: ScheduleKey, slot: Date) async throws -> Bool {
        try database.renew(key, slot: slot, replica: replica, lease: lease)
    }

    @discardableResult
    func finishRun(_ key: ScheduleKey, slot: Date, outcome: String) async throws -> Bool {
        try database.finish(key, slot: slot, replica: replica, outcome: outcome)
    }

    func releaseRun(_ key: ScheduleKey, slot: Date) async throws { try database.release(key, slot: slot, replica: replica) }
    func expiredRuns(limit: Int) async throws -> [ExpiredRun] { try database.expired(limit: limit) }
    func forgetFinishedRuns(before date: Date) async throws {}
    func heartbeat() async throws -> Int { database.heartbeat(replica) }
    func leave() async { database.leave(replica) }

    func savedSchedule(_ key: ScheduleKey) async throws -> SavedSchedule {
        let state = try await database.storage.loadState()
        return SavedSchedule(
            status: state.schedules?.schedules.first { $0.key == key }, exportSettings: state.exportSettings[key.rawValue],
            lastExport: state.lastExports[key.rawValue])
    }

    func playerDataFile() async throws -> [UInt8]? { database.playerData }

    func followChanges(_ changes: @escaping @Sendable (ClusterChange) async -> Void) async {
        let (stream, id) = database.follow()
        await withTaskCancellationHandler {
            for await change in stream { await changes(change) }
        } onCancel: {
            database.unfollow(id)
        }
    }

    func databaseProblem() async -> String? {
        do {
            try database.checkReachable()
            return nil
        } catch {
            return "\(error)"
        }
    }
}

/// The shared state storage, announcing each schedule row it writes to the other replicas, as
/// PostgreSQL's NOTIFY does.
private struct AnnouncingStorage: ServiceStateStorage {
    let database: InMemoryClusterDatabase

    func loadState() async throws -> ServiceState { try await database.storage.loadState() }

    func apply(_ changes: [StateChange]) async throws {
        try database.checkReachable()
        try await database.storage.apply(changes)
        for change in changes {
            switch change {
            case .schedule(let status): database.announce(.schedule(status.key))
            case .exportSettings(let key, _), .lastExport(let key, _): database.announce(.schedule(key))
            case .healthSettings: database.announce(.healthSettings)
            default: break
            }
        }
    }

    func dueNotices(at now: Date, limit: Int) async throws -> [PendingNotice] { try await database.storage.dueNotices(at: now, limit: limit) }
    func nextNoticeDue() async throws -> Date? { try await database.storage.nextNoticeDue() }
    func runHistory(for key: ScheduleKey, limit: Int) async throws -> [RunHistoryEntry] {
        try await database.storage.runHistory(for: key, limit: limit)
    }
}

/// The player data as the database keeps it: the bytes of the current version.
private struct InMemoryPlayerData: PlayerDataUpstream {
    let database: InMemoryClusterDatabase

    func save(_ file: PlayerDataFile, force: Bool, replacingContentsWithDigest digest: String?) async throws(PlayerDataError) {
        database.playerData = file.bytes
        database.announce(.playerData)
    }
}
