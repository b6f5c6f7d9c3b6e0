import CastBot
import Metrics

/// Cluster mode's own counters, recorded through the service's metrics factory.
extension CastBotMetrics {
    /// A run this replica claimed; `takeover` when it was picked up from a replica that stopped
    /// renewing its lease.
    func runClaimed(takeover: Bool) {
        Counter(label: ClusterMetricNames.runsClaimedTotal, factory: factory).increment()
        if takeover { Counter(label: ClusterMetricNames.runsTakenOverTotal, factory: factory).increment() }
    }

    /// A run this replica was running lost its claim (its lease expired first).
    func runClaimLost() {
        Counter(label: ClusterMetricNames.claimsLostTotal, factory: factory).increment()
    }
}

/// The names in `/metrics` (docs/OPERATIONS.md lists them).
enum ClusterMetricNames {
    /// Counter: runs this replica claimed and ran.
    static let runsClaimedTotal = "castbot_cluster_runs_claimed_total"
    /// Counter: of those, runs picked up from a replica that died or stalled mid-run.
    static let runsTakenOverTotal = "castbot_cluster_runs_taken_over_total"
    /// Counter: runs this replica lost to another because its lease expired first.
    static let claimsLostTotal = "castbot_cluster_claims_lost_total"
}
