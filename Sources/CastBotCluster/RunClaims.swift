import CastBot
import Foundation
import Logging
import PostgresNIO
import Scheduling

/// Exactly-once runs across replicas (docs/OPERATIONS.md, "Cluster mode"): every replica keeps every schedule's timer,
/// and when a run falls due each one tries to claim it. The claim is a row keyed by (schedule,
/// due time), so exactly one insert wins; the winner runs it, renews its lease while it runs and
/// records the outcome. A replica that dies mid-run stops renewing; once its lease has expired,
/// the next replica to ask takes the claim over (counted in `takeovers`) and finishes the run.
///
/// Times come from the database's clock (`clock_timestamp()`), never a replica's, so clock skew
/// between machines cannot make two replicas believe they both hold a lease.
///
/// Unlike Oban's cron, no leader inserts the jobs: there is nothing to elect and no election
/// delay; unlike Quartz's JDBC store, there is no row lock held for the whole run, only a lease.
package struct RunClaims: Sendable {
    /// What asking for a run's claim gave.
    package enum Claim: Sendable, Equatable {
        /// This replica holds the claim and must run it; `takeover` when another replica held it
        /// first and its lease expired.
        case claimed(takeover: Bool)
        /// Another replica holds it, leased until that time (database clock, ms since 1970).
        case heldElsewhere(replica: String, leaseUntil: Int64)
        /// The run already ended on some replica.
        case finished(replica: String, outcome: String?)
    }

    let database: PostgresDatabase
    /// This replica's name (host and process), recorded with its claims.
    package let replica: String
    /// How long a claim lasts without renewal; a dead replica's runs are picked up after it.
    package let lease: Duration

    package init(database: PostgresDatabase, replica: String, lease: Duration = .seconds(10)) {
        self.database = database
        self.replica = replica
        self.lease = lease
    }

    var leaseMilliseconds: Int64 { Int64(lease.components.seconds * 1_000 + lease.components.attoseconds / 1_000_000_000_000_000) }

    /// Claims the run of `key` due at `dueAt`, or says who has it.
    package func claim(_ key: ScheduleKey, dueAt: Date) async throws -> Claim {
        let due = PostgresStateStorage.milliseconds(dueAt)
        let rows = try await database.client.query(
            """
            WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT AS ms)
            INSERT INTO run_claims (schedule_key, due_at, replica, claimed_at, lease_until)
            SELECT \(key.rawValue), \(due), \(replica), now.ms, now.ms + \(leaseMilliseconds) FROM now
            ON CONFLICT (schedule_key, due_at) DO UPDATE
                SET replica = excluded.replica, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until,
                    takeovers = run_claims.takeovers + 1
                WHERE run_claims.state = 'running' AND run_claims.lease_until < excluded.claimed_at
            RETURNING takeovers
            """, logger: database.logger)
        for try await takeovers in rows.decode(Int.self) { return .claimed(takeover: takeovers > 0) }
        let current = try await database.client.query(
            "SELECT replica, lease_until, state, outcome FROM run_claims WHERE schedule_key = \(key.rawValue) AND due_at = \(due)",
            logger: database.logger)
        for try await (holder, leaseUntil, state, outcome) in current.decode((String, Int64, String, String?).self) {
            return state == "finished" ? .finished(replica: holder, outcome: outcome) : .heldElsewhere(replica: holder, leaseUntil: leaseUntil)
        }
        // The row went away between the two statements (pruned): ask again.
        return try await claim(key, dueAt: dueAt)
    }

    /// Extends this replica's lease on a run it is executing; false when the claim is no longer
    /// this replica's (its lease expired and another replica took it over).
    package func renew(_ key: ScheduleKey, dueAt: Date) async throws -> Bool {
        let rows = try await database.client.query(
            """
            UPDATE run_claims SET lease_until = (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT + \(leaseMilliseconds)
            WHERE schedule_key = \(key.rawValue) AND due_at = \(PostgresStateStorage.milliseconds(dueAt))
                AND replica = \(replica) AND state = 'running'
            RETURNING 1
            """, logger: database.logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// Records the run's end; false when the claim was no longer this replica's.
    @discardableResult
    package func finish(_ key: ScheduleKey, dueAt: Date, outcome: String) async throws -> Bool {
        let rows = try await database.client.query(
            """
            UPDATE run_claims SET state = 'finished', outcome = \(outcome),
                finished_at = (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT
            WHERE schedule_key = \(key.rawValue) AND due_at = \(PostgresStateStorage.milliseconds(dueAt))
                AND replica = \(replica) AND state = 'running'
            RETURNING 1
            """, logger: database.logger)
        for try await _ in rows.decode(Int.self) { return true }
        return false
    }

    /// Ends this replica's lease on a run it will not finish, so that it counts as expired now.
    package func release(_ key: ScheduleKey, dueAt: Date) async throws {
        try await database.client.query(
            """
            UPDATE run_claims SET lease_until = 0
            WHERE schedule_key = \(key.rawValue) AND due_at = \(PostgresStateStorage.milliseconds(dueAt))
                AND replica = \(replica) AND state = 'running'
            """, logger: database.logger)
    }

    /// Runs whose holder stopped renewing: due runs another replica should finish.
    package func expired(limit: Int = 100) async throws -> [(key: ScheduleKey, dueAt: Date, replica: String)] {
        let rows = try await database.client.query(
            """
            SELECT schedule_key, due_at, replica FROM run_claims
            WHERE state = 'running' AND lease_until < (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT
            ORDER BY due_at LIMIT \(limit)
            """, logger: database.logger)
        var found: [(key: ScheduleKey, dueAt: Date, replica: String)] = []
        for try await (key, due, holder) in rows.decode((String, Int64, String).self) {
            found.append((ScheduleKey(key), PostgresStateStorage.date(due), holder))
        }
        return found
    }

    /// Forgets finished claims older than `age` (they only guard against a late duplicate).
    package func prune(finishedBefore date: Date) async throws {
        try await database.client.query(
            "DELETE FROM run_claims WHERE state = 'finished' AND finished_at < \(PostgresStateStorage.milliseconds(date))",
            logger: database.logger)
    }
}
