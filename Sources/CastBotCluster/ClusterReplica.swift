import CastBot
import DiscordREST
import Foundation
import Logging
import PlayerData
import Scheduling
import ServiceLifecycle

/// A replica's part in the cluster besides claiming runs, as a service beside the scheduler: it
/// follows the other replicas' announcements (schedule changes, new player data), shares the
/// bot's Discord limits with the replicas alive, and hands runs whose replica died to the
/// scheduler (`runSlot`), so a taken-over run is recorded, counted and can stop or auto-disable
/// its schedule (with the admin's DM) exactly as any run. On graceful shutdown it leaves the
/// cluster at once, so the others take over its share of the limits.
struct ClusterReplica: Service {
    let cluster: any ClusterCoordination
    let features: any ScheduledJobs
    private var work: ScheduledWorkContext { features.work }

    init(cluster: any ClusterCoordination, features: any ScheduledJobs) {
        self.cluster = cluster
        self.features = features
    }

    func run() async throws {
        // Saved schedules are restored first, so announcements are taken on over them.
        await cancelWhenGracefulShutdown {
            await features.waitUntilStarted()
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await followChanges() }
                group.addTask { await sweepExpiredRuns() }
            }
        }
        // A task of its own: this one may be cancelled by now, and the others should not wait for
        // this replica's row to age out before taking its share of the limits.
        let cluster = cluster
        await Task { await cluster.leave() }.value
    }

    /// Makes the local copy of the player data the database's (at startup and on announcements).
    static func refreshPlayerData(cluster: any ClusterCoordination, work: ScheduledWorkContext) async throws {
        guard let bytes = try await cluster.playerDataFile() else { return }
        if try await work.dataStore.adoptCopy(bytes) {
            work.logger.info("player data updated from the database", metadata: ["bytes": "\(bytes.count)"])
        }
    }

    /// Follows announcements until cancelled.
    func followChanges() async {
        await cluster.followChanges { change in
            do {
                try await apply(change)
            } catch {
                work.logger.warning(
                    "could not take on another replica's change; the next announcement or reconnect retries",
                    metadata: ["change": "\(change)", "error": "\(error)"])
            }
        }
    }

    private func apply(_ change: ClusterChange) async throws {
        switch change {
        case .schedule(let key):
            let saved = try await cluster.savedSchedule(key)
            await work.stateStore.adoptSaved(key: key, exportSettings: saved.exportSettings, lastExport: saved.lastExport)
            if let status = saved.status { adopt(status) }
        case .healthSettings, .resynchronize:
            let state = try await work.stateStore.storage.loadState()
            await work.stateStore.adoptSaved(state)
            for status in state.schedules?.schedules ?? [] { adopt(status) }
            if change == .resynchronize { try await Self.refreshPlayerData(cluster: cluster, work: work) }
        case .playerData:
            try await Self.refreshPlayerData(cluster: cluster, work: work)
        }
    }

    /// Takes on a saved status unless this replica already sees the same.
    private func adopt(_ status: ScheduleStatus) {
        if var local = work.engine.status(status.key) {
            // A run going on here is no difference worth replacing the schedule for.
            local.runningSince = nil
            if local == status { return }
            // A row older than this replica's own view (an announcement handled after later
            // runs, as a loaded replica may) would set the schedule back to a deadline long past,
            // and the run after it would count every deadline since as skipped: keep the newer.
            if local.isActive, status.isActive, local.settings == status.settings, local.gridAnchor == status.gridAnchor,
                let mine = local.nextRunAt, let theirs = status.nextRunAt, theirs < mine
            {
                return
            }
        }
        guard let job = features.job(for: status) else { return }
        do {
            _ = try work.engine.mirror(status, job: job)
        } catch {
            work.logger.warning("could not take on a schedule another replica saved", metadata: ["schedule": "\(status.key)", "error": "\(error)"])
        }
        work.metrics.activeSchedules(work.engine.diagnostics().activeSchedules)
    }

    /// How often a replica looks for runs whose replica stopped renewing: often enough that a
    /// run is picked up soon after its lease runs out (10 s + at most 2 s), cheap (one indexed query).
    var sweepPeriod: Duration { max(min(cluster.lease / 5, .seconds(2)), .milliseconds(200)) }

    /// Looks for runs whose replica stopped renewing and hands them to the scheduler, every
    /// `sweepPeriod`, until cancelled. Every replica looks; the claim decides which one runs each.
    /// Also forgets, about once an hour, claims of runs finished more than a day ago: a replica
    /// only ever asks for the latest slot of a schedule, so older claims guard nothing.
    func sweepExpiredRuns() async {
        let period = sweepPeriod
        let pruneEvery = max(1, Int(Duration.seconds(3_600) / period))
        var sweeps = 0
        var replicas = 1
        while !Task.isCancelled {
            replicas = await shareDiscordLimits(knownReplicas: replicas)
            do {
                try await InjectedClock.sleep(on: work.clock, for: period)
            } catch {
                return
            }
            sweeps += 1
            if sweeps % pruneEvery == 0 {
                do {
                    try await cluster.forgetFinishedRuns(before: work.now().addingTimeInterval(-86_400))
                } catch {
                    work.logger.warning("could not forget old run claims", metadata: ["error": "\(error)"])
                }
            }
            let expired: [ExpiredRun]
            do {
                expired = try await cluster.expiredRuns(limit: 50)
            } catch {
                work.logger.warning("could not look for runs left by a dead replica", metadata: ["error": "\(error)"])
                continue
            }
            for run in expired {
                takeOver(run)
            }
        }
    }

    /// Notes this replica alive and gives the Discord client its share of the bot's limits
    /// (Discord's global limit is per bot, whichever replica sends). Returns the replicas alive.
    private func shareDiscordLimits(knownReplicas: Int) async -> Int {
        do {
            let replicas = try await cluster.heartbeat()
            if replicas != knownReplicas {
                work.logger.info("replicas alive changed; sharing the bot's Discord limits", metadata: ["replicas": "\(replicas)"])
                await work.discord.shareBotLimits(among: replicas)
            }
            return replicas
        } catch {
            work.logger.warning("could not note this replica alive", metadata: ["error": "\(error)"])
            return knownReplicas
        }
    }

    /// Runs the slot a dead replica left as one of the schedule's runs. Its job claims it first
    /// (`ClusteredScheduleEngine`): the replica that wins runs it; the others leave it. When the
    /// schedule is unknown here, stopped, or running a run of its own, nothing starts and the
    /// next look tries again.
    private func takeOver(_ expired: ExpiredRun) {
        if !work.engine.runSlot(expired.key, at: expired.slot) {
            work.logger.debug(
                "a run left by a dead replica was not started here now",
                metadata: ["schedule": "\(expired.key)", "slot": "\(expired.slot)"])
        }
    }
}
