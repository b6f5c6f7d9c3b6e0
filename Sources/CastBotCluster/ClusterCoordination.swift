import CastBot
import Foundation
import PlayerData
import Scheduling

/// What cluster mode (docs/OPERATIONS.md, "Cluster mode") needs from the shared database, beyond the state storage:
/// run claims with leases, the saved view of one schedule, and the announcements of changes
/// made by other replicas. `CastBotCluster` implements it on PostgreSQL; a single machine has none.
package protocol ClusterCoordination: Sendable {
    /// This replica's name in claims and logs (host and process).
    var replica: String { get }
    /// How long a claim lasts without renewal; a dead replica's runs are picked up after it.
    var lease: Duration { get }
    /// Where the service's state lives in cluster mode.
    var stateStorage: any ServiceStateStorage { get }
    /// Where imports and restores save the player data in cluster mode.
    var playerDataUpstream: any PlayerDataUpstream { get }

    /// Claims the run of `key` for its grid slot, or says who has it.
    func claimRun(_ key: ScheduleKey, slot: Date) async throws -> RunClaim
    /// Extends this replica's lease; false when another replica took the run over.
    func renewRun(_ key: ScheduleKey, slot: Date) async throws -> Bool
    /// Records the run's end; false when the claim was no longer this replica's.
    @discardableResult
    func finishRun(_ key: ScheduleKey, slot: Date, outcome: String) async throws -> Bool
    /// Gives up this replica's claim on a run it did not finish (graceful shutdown cut it off):
    /// the lease ends now, so another replica takes the run over at its next look instead of
    /// after the lease. Does nothing when the claim is no longer this replica's.
    func releaseRun(_ key: ScheduleKey, slot: Date) async throws
    /// Runs whose holder stopped renewing before finishing them, oldest first.
    func expiredRuns(limit: Int) async throws -> [ExpiredRun]
    /// Forgets claims of runs that finished before `date` (no replica asks for such old slots).
    func forgetFinishedRuns(before date: Date) async throws

    /// Notes this replica alive and returns how many replicas are alive (this one included), so
    /// that they share the bot's Discord rate limits.
    func heartbeat() async throws -> Int
    /// Leaving the cluster (graceful shutdown): the others take over this replica's share at once.
    func leave() async

    /// One schedule as the database has it now.
    func savedSchedule(_ key: ScheduleKey) async throws -> SavedSchedule
    /// The player data file as the database has it, byte for byte; nil before the first save.
    func playerDataFile() async throws -> [UInt8]?

    /// Listens for other replicas' announcements until cancelled, reconnecting after failures:
    /// `changes` gets every change; `.resynchronize` comes first on each (re)connection, since
    /// announcements sent while not listening are lost.
    func followChanges(_ changes: @escaping @Sendable (ClusterChange) async -> Void) async

    /// Nil when the database answers; otherwise why not, for `/healthz`.
    func databaseProblem() async -> String?
}

/// What asking for a run's claim gave.
package enum RunClaim: Sendable, Equatable {
    /// This replica holds the claim and must run it; `takeover` when a replica that held it first
    /// stopped renewing its lease.
    case claimed(takeover: Bool)
    /// Another replica is running it.
    case heldElsewhere(replica: String)
    /// The run already ended on some replica.
    case finished(replica: String)
}

/// A run whose replica died (or hung) mid-run: its lease expired before it finished.
package struct ExpiredRun: Sendable, Equatable {
    package var key: ScheduleKey
    package var slot: Date
    package var replica: String

    package init(key: ScheduleKey, slot: Date, replica: String) {
        self.key = key
        self.slot = slot
        self.replica = replica
    }
}

/// One schedule's rows as another replica left them.
package struct SavedSchedule: Sendable {
    package var status: ScheduleStatus?
    package var exportSettings: ExportScheduleRequest?
    package var lastExport: LastExportRecord?

    package init(status: ScheduleStatus?, exportSettings: ExportScheduleRequest?, lastExport: LastExportRecord?) {
        self.status = status
        self.exportSettings = exportSettings
        self.lastExport = lastExport
    }
}

/// An announcement from another replica.
package enum ClusterChange: Sendable, Equatable {
    /// A schedule's rows changed (set, stopped, a run ended).
    case schedule(ScheduleKey)
    /// The health monitor's settings changed.
    case healthSettings
    /// A new player data version was saved (an import or restore).
    case playerData
    /// Listening (re)started: anything may have changed meanwhile.
    case resynchronize
}
