import CastBot
import DiscordModels
import Foundation
import Logging
import PlayerData
import ServiceLifecycle

/// A replica of a cluster (docs/OPERATIONS.md, "Cluster mode"): the state and the
/// player data live in the shared database, every run is claimed there before it does anything,
/// and the replica follows the others' changes and picks up runs a dead replica left.
package struct ClusterDeployment: Deployment {
    package let cluster: any ClusterCoordination

    /// In a cluster, a webhook of ours this old is a leftover: older than a run may last
    /// (15 minutes) plus its cleanup, so no replica is still using it.
    static let leftoverAge: TimeInterval = 20 * 60

    package init(cluster: any ClusterCoordination) {
        self.cluster = cluster
    }

    package func openStateStore(dataDirectory: String, logger: Logger) async throws -> ServiceStateStore {
        try await ServiceStateStore.open(cluster.stateStorage, named: "the cluster's database", logger: logger)
    }

    /// Imports and restores save to the database first; the data folder holds this replica's copy.
    package var playerDataUpstream: (any PlayerDataUpstream)? { cluster.playerDataUpstream }

    package func scheduleEngine(wrapping scheduler: any ScheduleEngine, parts: DeploymentParts) -> any ScheduleEngine {
        ClusteredScheduleEngine(
            inner: scheduler, cluster: cluster, clock: parts.clock, discord: parts.discord,
            applicationID: parts.applicationID.flatMap(Snowflake.init(typed:)), metrics: parts.metrics, logger: parts.logger)
    }

    /// The local copy the exports read is the database's before any schedule runs.
    package func prepare(_ work: ScheduledWorkContext) async throws {
        try await ClusterReplica.refreshPlayerData(cluster: cluster, work: work)
    }

    /// One replica restarting is not the service restarting.
    package var restartPolicyApplies: Bool { false }
    /// The database already holds every row, and other replicas may have written fresher ones.
    package var savesScheduleView: Bool { false }
    package var webhookLeftovers: WebhookLeftoverPolicy { .olderThan(age: Self.leftoverAge) }

    /// Without the database a change could not be saved nor reach the other replicas.
    package func scheduleChangeRefusal() async -> String? {
        guard let problem = await cluster.databaseProblem() else { return nil }
        return "the cluster's database is unreachable (\(problem)), so the change could not be saved for the other replicas. Try again in a minute."
    }

    package var storageCheck: (@Sendable () async -> String?)? {
        let cluster = cluster
        return { await cluster.databaseProblem() }
    }

    package func services(for features: any ScheduledJobs) -> [any Service] {
        [ClusterReplica(cluster: cluster, features: features)]
    }
}
