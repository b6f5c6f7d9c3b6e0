import CastBot
import CastBotCluster
import Foundation
import Logging
import PostgresNIO
import Scheduling

/// What `castbot-bench cluster` reads back from the cluster's database after the replicas have
/// stopped: every schedule's grid (from `schedules.status`) and every `run_claims` row.
struct ClusterDatabaseReadout: Sendable {
    var schedules: [ClusterSlots.Schedule] = []
    var claims: [ClusterSlots.Claim] = []
    /// The saved schedules' `skippedRuns`, summed: deadlines a replica's scheduler let pass unrun.
    var skippedRuns = 0

    static func read(url: String) async throws -> ClusterDatabaseReadout {
        let logger = Logger(label: "castbot.bench.cluster", factory: { _ in SwiftLogNoOpLogHandler() })
        return try await CastBotCluster.PostgresDatabase.withOpen(url: url, logger: logger) { database in
            try await read(database, logger: logger)
        }
    }

    private static func read(_ database: CastBotCluster.PostgresDatabase, logger: Logger) async throws -> ClusterDatabaseReadout {
        var readout = ClusterDatabaseReadout()
        // The product's own reader, so the bench decodes the status JSON exactly as a replica does.
        let state = try await PostgresStateStorage(database: database).loadState()
        readout.skippedRuns = (state.schedules?.schedules ?? []).reduce(0) { $0 + $1.skippedRuns }
        readout.schedules = (state.schedules?.schedules ?? []).map { status in
            ClusterSlots.Schedule(
                key: status.key.rawValue, gridAnchor: status.gridAnchor,
                interval: Double(status.cadence.interval.milliseconds) / 1_000)
        }
        let rows = try await database.client.query(
            """
            SELECT schedule_key, due_at, replica, claimed_at, lease_until, state, outcome, finished_at, takeovers
            FROM run_claims ORDER BY schedule_key, due_at
            """, logger: logger)
        for try await (key, dueAt, replica, claimedAt, leaseUntil, state, outcome, finishedAt, takeovers) in rows.decode(
            (String, Int64, String, Int64, Int64, String, String?, Int64?, Int).self)
        {
            readout.claims.append(
                ClusterSlots.Claim(
                    key: key, dueAt: dueAt, replica: replica, claimedAt: claimedAt, leaseUntil: leaseUntil, state: state,
                    outcome: outcome, finishedAt: finishedAt, takeovers: takeovers))
        }
        return readout
    }
}
