import DiscordSandbox
import Foundation
import Synchronization

/// The measured phase of `scale`: from 3 s before the first due instant until every run landed
/// (or stopped and DMed its admin), or a deadline. The bot's CPU, disk writes and peak RSS are
/// read from /proc at both ends; the sandbox's request log is cleared at the start so it holds
/// only this phase's requests.
struct ScalePhase: Sendable {
    let plan: ScalePlan
    let sandbox: DiscordSandbox
    let serve: ServeProcess
    let interactions: ScaleInteractions
    let probePerSecond: Int
    let log: @Sendable (String) -> Void

    func measure(into report: inout ScaleReport) async throws {
        try await waitForFirstRuns(until: plan.firstDue.addingTimeInterval(-5))
        let setup = await classify(plan.guilds, measured: false)
        report.setupRunsDelivered = setup.delivered
        report.setupDuplicates = setup.duplicates
        if setup.missing > 0 {
            report.warnings.append(
                "\(setup.missing) first runs had not landed 5 s before the due instant: they overlap the measured phase (raise --lead-seconds)")
        }

        try await sleep(until: plan.firstDue.addingTimeInterval(-3), late: "the due instant came before the schedules were set", report: &report)
        await sandbox.clearRecordedRequests()
        let setupPeak = try ProcessSample.read(pid: serve.pid).peakResidentBytes
        if !ProcessSample.resetPeak(pid: serve.pid) { report.warnings.append("could not reset VmHWM; the phase's peak RSS is the process's") }
        let before = try ProcessSample.read(pid: serve.pid)

        let probeSamples = SampleCollector()
        let probe = Task { await runProbe(into: probeSamples) }
        defer { probe.cancel() }
        let pingProbe = try PingProbe(url: interactions.botURL, signer: sandbox)
        let pings = Task { await pingProbe.run(every: .milliseconds(200)) }
        defer { pings.cancel() }
        let stoppedIDs = Set(plan.stopped.map(\.id))
        if let firstStopDue = plan.stopped.map(plan.due).min() {
            try await sleep(until: firstStopDue.addingTimeInterval(-2), late: "the channels were deleted after their runs were due", report: &report)
            for guild in plan.stopped { await sandbox.removeChannel(guild.channelID) }
            log("deleted \(plan.stopped.count) channels; their runs must stop the schedules and DM the admins")
        }
        let active = plan.guilds.filter { !stoppedIDs.contains($0.id) }
        let dmed = try await waitForRuns(active, deadline: deadline())
        probe.cancel()
        await probe.value
        pings.cancel()
        report.pings = await pings.value
        try? await pingProbe.shutdown()
        let after = try ProcessSample.read(pid: serve.pid)

        report.runsDue = active.count
        report.runs = await classify(active, measured: true)
        report.stopsRequested = plan.stopped.count
        report.directMessagesDelivered = dmed
        report.peakRSSBytes = max(setupPeak, after.peakResidentBytes)
        report.peakRSSDuringRunsBytes = after.peakResidentBytes
        report.cpuSecondsDuringRuns = after.cpuSeconds - before.cpuSeconds
        report.bytesWrittenDuringRuns = after.writtenBytes - before.writtenBytes
        let samples = probeSamples.all
        report.probe = LatencySummary(samples.map(\.latency))
        report.probeDeferred = samples.filter(\.deferred).count
        report.probeRejected = samples.filter { !$0.accepted }.count
        await waitForWebhookCleanups()
        await countRequests(into: &report)
    }

    /// The last runs' webhooks are deleted 5 s after they posted: waits (at most a minute) until
    /// every webhook created in the phase was deleted, so the requests counted are whole runs'.
    private func waitForWebhookCleanups() async {
        let limit = Date().addingTimeInterval(60)
        while Date() < limit {
            let requests = await sandbox.recordedRequests()
            let created = requests.filter { $0.route == "POST /channels/{channel_id}/webhooks" && $0.status == 200 }.count
            let deleted = requests.filter { $0.route == "DELETE /webhooks/{webhook_id}" && $0.status == 204 }.count
            if deleted >= created { return }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Bot-token requests and webhook executions of the phase, and the floor they imply.
    private func countRequests(into report: inout ScaleReport) async {
        let traffic = SandboxTraffic(await sandbox.recordedRequests(), applicationID: sandbox.configuration.applicationID)
        report.botRequests = traffic.botRequests
        report.webhookExecutions = traffic.webhookExecutions
        report.rateLimited = traffic.rateLimited
        report.globalRateLimited = traffic.globalRateLimited
        report.deliveryRequests = traffic.deliveryRequests
        report.botRequestsByRoute = traffic.botRequestsByRoute
        // A stop's DM: from the refused webhook creation (when the run stopped its schedule) to
        // the DM's timestamp.
        var delays: [Duration] = []
        for guild in plan.stopped {
            guard let stoppedAt = traffic.refusedCreations[guild.channelID],
                let dm = await sandbox.directMessages(toUser: guild.adminID).map(\.createdAt).min()
            else { continue }
            delays.append(.milliseconds(Int64((dm.timeIntervalSince(stoppedAt) * 1_000).rounded())))
        }
        report.stopDirectMessageDelays = LatencySummary(delays)
        let attempted = max(1, report.runs.delivered + plan.stopped.count)
        let perRun = Double(max(report.botRequests, report.webhookExecutions)) / Double(attempted)
        let offsets = plan.guilds.map { plan.due($0).timeIntervalSince(plan.firstDue) }
        report.floorSeconds = ScaleFigures.floorSeconds(dueOffsets: offsets, requestsPerRun: perRun)
    }

    /// Long enough for three times Discord's floor at about 3 requests a run, after the last due.
    private func deadline() -> Date {
        plan.lastDue.addingTimeInterval(120 + 3 * Double(plan.guilds.count) * 3 / ScaleFigures.discordRequestsPerSecond)
    }

    private func waitForFirstRuns(until limit: Date) async throws {
        var waiting = plan.guilds
        var lastLog = Date()
        while !waiting.isEmpty, Date() < limit {
            var still: [ScaleGuild] = []
            for guild in waiting {
                if await exportMessages(guild).isEmpty { still.append(guild) }
            }
            waiting = still
            if Date().timeIntervalSince(lastLog) >= 10 {
                lastLog = Date()
                log("  … \(plan.guilds.count - waiting.count) of \(plan.guilds.count) first runs landed")
            }
            if !waiting.isEmpty { try await Task.sleep(for: .seconds(1)) }
        }
    }

    /// Polls until every active guild's due run landed and every stopped guild's admin has a DM;
    /// returns the number of DMs.
    private func waitForRuns(_ active: [ScaleGuild], deadline: Date) async throws -> Int {
        var waiting = active
        var undelivered = plan.stopped
        var lastLog = Date()
        while !(waiting.isEmpty && undelivered.isEmpty), Date() < deadline {
            try await Task.sleep(for: .seconds(1))
            var still: [ScaleGuild] = []
            for guild in waiting {
                if await landings(guild, measured: true).isEmpty { still.append(guild) }
            }
            waiting = still
            var stillUndelivered: [ScaleGuild] = []
            for guild in undelivered {
                if await sandbox.directMessages(toUser: guild.adminID).isEmpty { stillUndelivered.append(guild) }
            }
            undelivered = stillUndelivered
            if Date().timeIntervalSince(lastLog) >= 10 {
                lastLog = Date()
                log("  … \(active.count - waiting.count) of \(active.count) runs landed, \(plan.stopped.count - undelivered.count) of \(plan.stopped.count) DMs")
            }
        }
        return plan.stopped.count - undelivered.count
    }

    /// `/menu` at a steady rate, round-robin over the guilds, until cancelled.
    private func runProbe(into samples: SampleCollector) async {
        let usable = plan.guilds.filter { guild in !plan.stopped.contains(guild) }
        guard probePerSecond > 0, !usable.isEmpty else { return }
        let spacing = Duration.seconds(1) / probePerSecond
        let clock = ContinuousClock()
        await withTaskGroup(of: Void.self) { group in
            var next = clock.now
            var index = 0
            while !Task.isCancelled {
                let guild = usable[index % usable.count]
                index += 1
                group.addTask {
                    let sent = clock.now
                    do {
                        samples.append(try await interactions.menu(guild))
                    } catch {
                        // No answer at all: counted as rejected, with the time waited.
                        samples.append(InteractionSample(latency: clock.now - sent, deferred: false, accepted: false, content: "\(error)"))
                    }
                }
                next = next.advanced(by: spacing)
                do { try await clock.sleep(until: next) } catch { break }
            }
        }
    }

    private func classify(_ guilds: [ScaleGuild], measured: Bool) async -> ScaleFigures.RunOutcomes {
        var runs: [(due: Date, landings: [Date])] = []
        for guild in guilds { runs.append((plan.due(guild), await landings(guild, measured: measured))) }
        return ScaleFigures.RunOutcomes(runs: runs, firstDue: plan.firstDue)
    }

    /// When this guild's export messages landed: those of the due daily run (`measured`), or of
    /// the first run its schedule submit started. A run is told by the start time in its
    /// filename, which is never before its due time.
    private func landings(_ guild: ScaleGuild, measured: Bool) async -> [Date] {
        let due = plan.due(guild).addingTimeInterval(-1)
        return await exportMessages(guild).compactMap { message in
            let ranAt = message.attachments.first.flatMap { ScaleFigures.runDate(fromFilename: $0.filename) } ?? message.createdAt
            return (ranAt >= due) == measured ? message.createdAt : nil
        }
    }

    private func exportMessages(_ guild: ScaleGuild) async -> [SandboxMessage] {
        await sandbox.messages(inChannel: guild.channelID).filter { message in
            if case .webhook = message.author { return true }
            return false
        }
    }

    private func sleep(until date: Date, late: String, report: inout ScaleReport) async throws {
        let seconds = date.timeIntervalSinceNow
        if seconds > 0 {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1_000)))
        } else if seconds < -1 {
            report.warnings.append("\(late) (\(ScaleReport.fixed(-seconds, 1)) s late)")
        }
    }
}

/// Interaction samples appended from many tasks.
final class SampleCollector: Sendable {
    private let samples = Mutex<[InteractionSample]>([])

    func append(_ sample: InteractionSample) {
        samples.withLock { $0.append(sample) }
    }

    var all: [InteractionSample] { samples.withLock { $0 } }
}
