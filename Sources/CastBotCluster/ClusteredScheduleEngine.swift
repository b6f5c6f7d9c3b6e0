import CastBot
import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import Logging
import PlayerData
import Scheduling

/// The scheduler as a replica of a cluster uses it (docs/OPERATIONS.md, "Cluster mode"): every replica keeps every
/// schedule's timer, and each run is claimed in the database before it does anything. The replica
/// whose claim wins runs it and renews its lease while it runs; the others move on to the next
/// deadline without recording anything (`RunOutcome.doneElsewhere`).
///
/// Saved schedules come back through `mirror` (no events, so adopting another replica's view is
/// never written back), and every saved schedule resumes: one replica restarting is not the
/// service restarting, so the restart policy does not apply.
final class ClusteredScheduleEngine: ScheduleEngine {
    let inner: any ScheduleEngine
    let cluster: any ClusterCoordination
    private let clock: any Clock<Duration>
    private let deliveredCheck: PostedRunCheck
    private let metrics: CastBotMetrics
    private let logger: Logger

    init(
        inner: any ScheduleEngine, cluster: any ClusterCoordination, clock: any Clock<Duration>, discord: any DiscordClient,
        applicationID: Snowflake?, metrics: CastBotMetrics, logger: Logger
    ) {
        self.inner = inner
        self.cluster = cluster
        self.clock = clock
        self.deliveredCheck = PostedRunCheck(discord: discord, applicationID: applicationID, logger: logger)
        self.metrics = metrics
        self.logger = logger
    }

    // MARK: ScheduleEngine

    /// Starts the schedule, then takes it on again as it reads back from the database, so that
    /// this replica names its runs' slots from the very dates the others read (saved dates keep
    /// milliseconds; a slot computed from a finer anchor here could differ by one).
    func start(_ settings: ScheduleSettings, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus {
        let job = claimed(settings.key, job)
        let status = try inner.start(settings, firstRun: firstRun, job: job)
        guard let saved = Self.asSaved(status), saved != status else { return status }
        return try inner.mirror(saved, job: job)
    }

    /// `status` encoded and decoded as the state storage does.
    static func asSaved(_ status: ScheduleStatus) -> ScheduleStatus? {
        guard let encoded = try? StateFileCoding.compactEncoder().encode(status) else { return nil }
        return try? StateFileCoding.decoder().decode(ScheduleStatus.self, from: encoded)
    }

    /// Restoring at startup adopts the saved view quietly; see the type's comment.
    func restore(_ saved: ScheduleStatus, firstRun: FirstRun, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus {
        try mirror(saved, job: job)
    }

    func mirror(_ saved: ScheduleStatus, job: @escaping ScheduleJob) throws(SchedulingError) -> ScheduleStatus {
        try inner.mirror(saved, job: claimed(saved.key, job))
    }

    func runSlot(_ key: ScheduleKey, at slot: Date) -> Bool { inner.runSlot(key, at: slot) }
    func stop(_ key: ScheduleKey, reason: String) -> ScheduleStatus? { inner.stop(key, reason: reason) }
    func status(_ key: ScheduleKey) -> ScheduleStatus? { inner.status(key) }
    func statuses() -> [ScheduleStatus] { inner.statuses() }
    func snapshot() -> SchedulerSnapshot { inner.snapshot() }
    func diagnostics() -> SchedulerDiagnostics { inner.diagnostics() }
    func events(bufferingPolicy: AsyncStream<SchedulerEvent>.Continuation.BufferingPolicy) -> AsyncStream<SchedulerEvent> {
        inner.events(bufferingPolicy: bufferingPolicy)
    }

    // MARK: Claims

    /// `job` run only by the replica that claims each run.
    private func claimed(_ key: ScheduleKey, _ job: @escaping ScheduleJob) -> ScheduleJob {
        return { [self] context in
            guard let status = inner.status(context.key) else { return .doneElsewhere }
            let slot = status.slot(of: context.scheduledAt)
            switch try await claimWaitingForDatabase(context.key, slot: slot) {
            case .heldElsewhere, .finished:
                return .doneElsewhere
            case .claimed(let takeover):
                metrics.runClaimed(takeover: takeover)
                if takeover {
                    logger.notice(
                        "taking over a run a replica left unfinished", metadata: ["schedule": "\(context.key)", "slot": "\(slot)"])
                    if await deliveredCheck.wasPosted(status, since: slot) {
                        logger.notice(
                            "a taken-over run had been posted before its replica died; not posted again",
                            metadata: ["schedule": "\(context.key)", "slot": "\(slot)"])
                        _ = try? await cluster.finishRun(context.key, slot: slot, outcome: RunClaimOutcome.postedBeforeTakeover)
                        return .doneElsewhere
                    }
                }
                return try await runHoldingLease(job, context, slot: slot)
            }
        }
    }

    /// Asks for the claim until the database answers: a run waits through an outage rather than
    /// being lost (its timeout still bounds the wait).
    private func claimWaitingForDatabase(_ key: ScheduleKey, slot: Date) async throws -> RunClaim {
        var delay = Duration.milliseconds(500)
        while true {
            do {
                return try await cluster.claimRun(key, slot: slot)
            } catch {
                try Task.checkCancellation()
                logger.warning(
                    "could not claim a run; the database did not answer, trying again",
                    metadata: ["schedule": "\(key)", "error": "\(error)", "retry_in": "\(delay)"])
                try await InjectedClock.sleep(on: clock, for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
    }

    /// How a run held under a lease ended.
    private enum LeasedEnding: Sendable {
        case job(Result<RunOutcome, any Error>)
        /// Another replica took the run over (this one stalled past its lease).
        case leaseLost
        /// The renewals stopped because the run's task was cancelled; the job's own end follows.
        case renewalsCancelled
    }

    /// Runs `job` while renewing the lease every third of it. If another replica took the run
    /// over (this one stalled past its lease), the job is cancelled and the run is that replica's.
    private func runHoldingLease(_ job: @escaping ScheduleJob, _ context: RunContext, slot: Date) async throws -> RunOutcome {
        let key = context.key
        let ending: LeasedEnding = await withTaskGroup(of: LeasedEnding.self) { group in
            group.addTask {
                do { return .job(.success(try await job(context))) } catch { return .job(.failure(error)) }
            }
            group.addTask { [cluster, clock, logger] in
                while true {
                    do {
                        try await InjectedClock.sleep(on: clock, for: max(cluster.lease / 3, .milliseconds(100)))
                    } catch {
                        return .renewalsCancelled
                    }
                    do {
                        if try await !cluster.renewRun(key, slot: slot) { return .leaseLost }
                    } catch {
                        logger.warning("could not renew a run's lease", metadata: ["schedule": "\(key)", "error": "\(error)"])
                    }
                }
            }
            // A cancelled run (graceful shutdown cut it off) ends its renewals first; what counts
            // is how the job itself then ended, never the renewals' end taken for a success.
            while let ending = await group.next() {
                if case .renewalsCancelled = ending { continue }
                group.cancelAll()
                return ending
            }
            return .job(.failure(CancellationError()))
        }
        let result: Result<RunOutcome, any Error>
        switch ending {
        case .job(let jobResult):
            result = jobResult
        case .leaseLost, .renewalsCancelled:
            metrics.runClaimLost()
            logger.warning("a run's lease expired and another replica took it over; this replica dropped it", metadata: ["schedule": "\(key)"])
            return .doneElsewhere
        }
        switch result {
        case .success(let outcome):
            await finish(key, slot: slot, outcome: outcome == .success ? "succeeded" : "stopped schedule")
            return outcome
        case .failure(let error):
            if error is CancellationError || Task.isCancelled {
                // Cut off (graceful shutdown): not a failure of the run, which another replica
                // should finish now rather than once the lease runs out. A task of its own: this
                // one is cancelled, and a cancelled task's query would be refused.
                let cluster = cluster
                let logger = logger
                await Task {
                    do {
                        try await cluster.releaseRun(key, slot: slot)
                    } catch {
                        logger.warning(
                            "could not release a cut-off run's claim; another replica takes it over once its lease expires",
                            metadata: ["schedule": "\(key)", "error": "\(error)"])
                    }
                }.value
            } else {
                await finish(key, slot: slot, outcome: "failed: \(ScheduledRunError.describe(error))")
            }
            throw error
        }
    }

    /// A claim not finished (database unreachable) expires; the replica taking it over finds
    /// the post in the channel and does not repeat it.
    private func finish(_ key: ScheduleKey, slot: Date, outcome: String) async {
        do {
            try await cluster.finishRun(key, slot: slot, outcome: outcome)
        } catch {
            logger.warning("could not record a run's end in the database", metadata: ["schedule": "\(key)", "error": "\(error)"])
        }
    }
}

/// Outcomes written to a claim besides the run's own.
enum RunClaimOutcome {
    static let postedBeforeTakeover = "posted before the takeover"
}

/// Whether a replica that died mid-run had already posted the export: the channel is read from
/// the run's slot on, and an export of this schedule that this bot posted (`ExportProvenance`)
/// counts. Without the application id nothing can be told apart, and the run is posted again.
struct PostedRunCheck: Sendable {
    let discord: any DiscordClient
    let applicationID: Snowflake?
    let logger: Logger

    func wasPosted(_ status: ScheduleStatus, since slot: Date) async -> Bool {
        guard let scope = ExportScope(scheduleKey: status.key), let channelID = Snowflake(status.info.channelID) else { return false }
        guard let applicationID else {
            logger.warning(
                "the application id is not configured, so a taken-over run cannot be checked for a post; running it",
                metadata: ["schedule": "\(status.key)"])
            return false
        }
        let recognizer = ExportMessageRecognizer(applicationID: applicationID)
        do {
            let messages = try await discord.getChannelMessages(
                channelID: channelID, limit: 100, after: Snowflake(earliestAt: slot.addingTimeInterval(-1)), priority: .export)
            return messages.contains { message in
                guard let file = recognizer.exportFile(in: message), file.name.scheduled else { return false }
                return file.name.holds(scope)
            }
        } catch {
            // Unknown: running again risks a second post, not running risks a missing one.
            logger.warning(
                "could not read the channel to see whether a taken-over run was posted; running it",
                metadata: ["schedule": "\(status.key)", "error": "\(error)"])
            return false
        }
    }
}
