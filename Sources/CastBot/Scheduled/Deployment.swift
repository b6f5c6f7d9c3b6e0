import DiscordREST
import Foundation
import Logging
import PlayerData
import Scheduling
import ServiceLifecycle

/// How this bot is deployed, chosen once at assembly: one machine whose data folder holds
/// everything (`SingleMachine`), or a replica of several sharing a database (the
/// `CastBotCluster` module). Every difference between the two is answered here, so the features
/// have one path and never ask which deployment they run in.
package protocol Deployment: Sendable {
    /// Where the service's state (schedules, settings, run history, DM outbox) lives.
    func openStateStore(dataDirectory: String, logger: Logger) async throws -> ServiceStateStore

    /// Where imports and restores save the player data first; nil when the data file is the data.
    var playerDataUpstream: (any PlayerDataUpstream)? { get }

    /// The scheduler as the features use it: `scheduler` itself, or wrapped in what each run
    /// must do around its job (claims, leases).
    func scheduleEngine(wrapping scheduler: any ScheduleEngine, parts: DeploymentParts) -> any ScheduleEngine

    /// Called once the scheduled work is assembled, before any schedule runs (a replica makes its
    /// copy of the player data the database's).
    func prepare(_ work: ScheduledWorkContext) async throws

    /// Whether saved schedules follow their restart policy when this process starts. False when
    /// one process restarting is not the service restarting: every schedule resumes, and the
    /// schedule modal offers no policy.
    var restartPolicyApplies: Bool { get }

    /// Whether this process's view of every schedule is written back at startup and shutdown.
    /// False when other processes write the same rows (each row is written when it changes).
    var savesScheduleView: Bool { get }

    /// Which of this application's webhooks in a channel may be swept as leftovers.
    var webhookLeftovers: WebhookLeftoverPolicy { get }

    /// Why a schedule cannot be changed now (nil when it can).
    func scheduleChangeRefusal() async -> String?

    /// For `/healthz` (its `"database"` field): the check of a storage other processes share,
    /// answering nil when it answers, otherwise why not; nil when there is none to check.
    var storageCheck: (@Sendable () async -> String?)? { get }

    /// Long-running work of its own, run in the service group beside the scheduler and shut down
    /// before it.
    func services(for features: any ScheduledJobs) -> [any Service]
}

/// What a deployment's own services use of the assembled scheduled features.
package protocol ScheduledJobs: Sendable {
    var work: ScheduledWorkContext { get }
    /// The job of a schedule by its key's kind; nil for a kind this version does not know.
    func job(for status: ScheduleStatus) -> ScheduleJob?
    /// Returns once the saved schedules have been restored, or when the waiting task is cancelled.
    func waitUntilStarted() async
}

/// What a deployment's schedule engine may use.
package struct DeploymentParts: Sendable {
    package let discord: any DiscordClient
    /// The bot's application, when configured: tells its own messages from look-alikes.
    package let applicationID: String?
    package let clock: any Clock<Duration>
    package let metrics: CastBotMetrics
    package let logger: Logger
}

/// Which of this application's webhooks in a channel count as leftovers to sweep.
package enum WebhookLeftoverPolicy: Sendable {
    /// Every webhook of ours this process is not using: no other process posts with them. The
    /// channel is swept before its first delivery since start (leftovers of a crash), and when it
    /// is full.
    case allNotInUse
    /// Only webhooks made more than `age` ago (older than any delivery lasts), since other
    /// processes' deliveries use webhooks of ours too; swept only when the channel is full, so
    /// starting processes do not each read every channel.
    case olderThan(age: TimeInterval)
}

/// One machine: the data folder holds the data file and the state database, and this process
/// is the service.
package struct SingleMachine: Deployment {
    package init() {}

    package func openStateStore(dataDirectory: String, logger: Logger) async throws -> ServiceStateStore {
        try await ServiceStateStore.open(directory: dataDirectory, logger: logger)
    }

    package var playerDataUpstream: (any PlayerDataUpstream)? { nil }

    package func scheduleEngine(wrapping scheduler: any ScheduleEngine, parts: DeploymentParts) -> any ScheduleEngine { scheduler }

    package func prepare(_ work: ScheduledWorkContext) async throws {}

    package var restartPolicyApplies: Bool { true }
    package var savesScheduleView: Bool { true }
    package var webhookLeftovers: WebhookLeftoverPolicy { .allNotInUse }

    package func scheduleChangeRefusal() async -> String? { nil }
    package var storageCheck: (@Sendable () async -> String?)? { nil }
    package func services(for features: any ScheduledJobs) -> [any Service] { [] }
}
