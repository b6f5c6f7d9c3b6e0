import CastBotCluster
import LocalServers
import DiscordSandbox
import Foundation
import Logging
import PostgresNIO

/// `castbot-bench cluster`: several `castbot serve` replicas on one PostgreSQL, one of them
/// SIGKILLed and restarted every so often, and every due run checked to have been posted exactly
/// once and on time.
///
/// 1. PostgreSQL 15 (the test suite's launcher: initdb in a temporary folder, a free port, a
///    watchdog that stops it with this process); DiscordSandbox in this process at Discord's
///    50 requests/s, one guild per schedule with an exports channel and an administrator; the
///    data file loaded with `castbot migrate --from-file`.
/// 2. R replicas of `castbot serve`, each with its own data folder and port, all on the same
///    `CASTBOT_DATABASE_URL`.
/// 3. One server-export schedule per guild through the signed schedule modal (interval 1 minute,
///    no restart policy), round-robin over the replicas, spread over `setupSeconds` so the runs'
///    grid spreads over the minute as real guilds' would.
/// 4. M minutes of runs; every K seconds one replica (in turn) is SIGKILLed and restarted at
///    once on the same port and folder. Every live replica answers a signed `/menu` every ~2 s.
/// 5. A lease and a margin later, the replicas stop (SIGTERM); the database's grids and claims
///    and the sandbox's channel messages give the figures (`ClusterSlots`).
package enum ClusterBench {
    package struct Options: Sendable {
        package var castbot: String
        package var dataFile: String
        package var workFolder: String
        package var replicas: Int
        package var schedules: Int
        package var minutes: Double
        package var killEvery: Double
        package var setupSeconds: Double
        package var probeInterval: Double
        package var settleSeconds: Double
        package var lateLimit: Double
        /// Each kill waits (up to 15 s) until the replica holds a running claim.
        package var killMidRun: Bool
        /// SIGTERM instead of SIGKILL, each stop waiting for the replica to exit: a rolling restart.
        package var graceful = false

        package init(
            castbot: String, dataFile: String, workFolder: String, replicas: Int, schedules: Int, minutes: Double, killEvery: Double,
            setupSeconds: Double, probeInterval: Double, settleSeconds: Double, lateLimit: Double, killMidRun: Bool, graceful: Bool = false
        ) {
            self.castbot = castbot
            self.dataFile = dataFile
            self.workFolder = workFolder
            self.replicas = replicas
            self.schedules = schedules
            self.minutes = minutes
            self.killEvery = killEvery
            self.setupSeconds = setupSeconds
            self.probeInterval = probeInterval
            self.settleSeconds = settleSeconds
            self.lateLimit = lateLimit
            self.killMidRun = killMidRun
            self.graceful = graceful
        }
    }

    /// Kills every replica on SIGINT or SIGTERM; call once before `run`.
    package static func killReplicasOnSignals() {
        ServeProcess.killAllOnSignals()
    }

    package static func run(_ options: Options, log: @escaping @Sendable (String) -> Void) async throws -> ClusterReport {
        let server = try PostgresTestServer.start()
        let databaseURL = try server.makeDatabase()
        log("PostgreSQL 15 on 127.0.0.1:\(server.port) (folder \(server.folder)); database \(databaseURL)")
        let quiet = Logger(label: "castbot.bench.cluster", factory: { _ in SwiftLogNoOpLogHandler() })
        return try await DiscordSandbox.withQuietSandbox(label: "castbot.bench.cluster") { sandbox, apiBaseURL in
            try await CastBotCluster.PostgresDatabase.withOpen(url: databaseURL, logger: quiet) { database in
                try await ClusterRun(options: options, sandbox: sandbox, apiBaseURL: apiBaseURL, databaseURL: databaseURL, database: database, log: log).run()
            }
        }
    }
}

/// One run of `castbot-bench cluster`, from the world's setup to the report.
private struct ClusterRun: Sendable {
    let options: ClusterBench.Options
    let sandbox: DiscordSandbox
    let apiBaseURL: URL
    let databaseURL: String
    /// The bench's own connection: claims held by a replica as it is killed.
    let database: CastBotCluster.PostgresDatabase
    let log: @Sendable (String) -> Void

    func run() async throws -> ClusterReport {
        var report = ClusterReport()
        report.lateLimit = options.lateLimit
        report.schedules = options.schedules
        let (fileBytes, fileGuildIDs) = try ScaleBench.guildIDs(in: options.dataFile)
        guard fileGuildIDs.count >= options.schedules else {
            throw BenchFailure("\(options.dataFile) holds \(fileGuildIDs.count) guilds; --schedules \(options.schedules) needs at least that many")
        }
        log("building the sandbox world: \(options.schedules) guilds…")
        let guilds = try await ScaleWorld.build(guildIDs: Array(fileGuildIDs.prefix(options.schedules)), in: sandbox)
        try await migrate()

        let replicas = try makeReplicas()
        defer { for replica in replicas { replica.stop() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for replica in replicas { group.addTask { try await replica.start() } }
            try await group.waitForAll()
        }
        log("\(replicas.count) replicas healthy: " + replicas.map { "\($0.name) pid \($0.currentPID ?? 0) at \($0.origin)" }.joined(separator: ", "))
        report.settings = settings(fileBytes: fileBytes, fileGuilds: fileGuildIDs.count, replicas: replicas)

        let probes = Task { await probeLoop(replicas, guilds: guilds) }
        let setup = try await setSchedules(guilds, replicas: replicas)
        report.setup = LatencySummary(setup.samples.map(\.latency))
        report.setupRefused = setup.refused.count
        if let first = setup.refused.first {
            probes.cancel()
            throw BenchFailure("the replicas refused \(setup.refused.count) schedule submits; first: \(first)")
        }
        let lastCreated = setup.lastAnswer
        let end = lastCreated.addingTimeInterval(options.minutes * 60)
        log("\(guilds.count) schedules set by \(ClusterReport.time(lastCreated)); running until \(ClusterReport.time(end)), a kill every \(Int(options.killEvery)) s…")

        let loadAtStart = SystemLoad.text()
        report.kills = try await killAndRestart(replicas, until: end)
        report.settings.append(("machine load (1/5/15-minute averages)", "\(loadAtStart) as the run began, \(SystemLoad.text()) as it ended"))
        log("run over; waiting \(Int(options.settleSeconds)) s (a lease and a margin) before stopping the replicas…")
        try await Task.sleep(for: .seconds(options.settleSeconds))
        probes.cancel()
        await probes.value
        for replica in replicas {
            if !replica.isRunning { report.warnings.append("\(replica.name) was not running at the end; its last log lines:\n\(replica.logTail())") }
        }
        await withTaskGroup(of: Void.self) { group in
            for replica in replicas { group.addTask { replica.stop() } }
        }
        report.replicas = replicas.map(\.figures)

        let readout = try await ClusterDatabaseReadout.read(url: databaseURL)
        let windowEnd = end.addingTimeInterval(-60)
        report.window = (lastCreated, windowEnd)
        try await tally(readout, guilds: guilds, replicas: replicas, windowStart: lastCreated, windowEnd: windowEnd, into: &report)
        await countRequests(into: &report)
        return report
    }

    // MARK: Setup

    /// `castbot migrate` as an operator runs it, its output in the work folder.
    private func migrate() async throws {
        let logPath = "\(options.workFolder)/migrate.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: options.castbot)
        process.arguments = ["migrate", "--from-file", options.dataFile]
        // In the environment, as OPERATIONS advises (a command line shows in `ps`).
        process.environment = ProcessInfo.processInfo.environment.merging(["CASTBOT_DATABASE_URL": databaseURL]) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                done.resume()
            }
        }
        try? output.close()
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw BenchFailure("castbot migrate failed (\(process.terminationStatus)): \(text.suffix(1_500))")
        }
        log("castbot migrate: " + text.split(separator: "\n").joined(separator: "; "))
    }

    private func makeReplicas() throws -> [ClusterReplica] {
        try (0..<options.replicas).map { index in
            let folder = "\(options.workFolder)/replica-\(index + 1)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let port = try LoopbackPort.free()
            var environment = ServeProcess.environment(sandbox: sandbox, apiBaseURL: apiBaseURL, dataDirectory: folder, port: port)
            environment["CASTBOT_DATABASE_URL"] = databaseURL
            return try ClusterReplica(
                index: index, program: options.castbot, environment: environment, port: port, dataDirectory: folder,
                logFolder: options.workFolder)
        }
    }

    private struct Setup {
        var samples: [InteractionSample] = []
        var refused: [String] = []
        var lastAnswer = Date.distantPast
    }

    /// Submit i goes to replica i mod R at `i · setupSeconds / N` after the start.
    private func setSchedules(_ guilds: [ScaleGuild], replicas: [ClusterReplica]) async throws -> Setup {
        log("setting \(guilds.count) one-minute schedules through the schedule modal over \(Int(options.setupSeconds)) s…")
        let start = ContinuousClock.now
        let spacing = Duration.seconds(options.setupSeconds / Double(max(1, guilds.count)))
        return try await withThrowingTaskGroup(of: (InteractionSample, String?, Date).self) { group in
            for (index, guild) in guilds.enumerated() {
                try await ContinuousClock().sleep(until: start.advanced(by: spacing * index))
                let replica = replicas[index % replicas.count]
                let interactions = ScaleInteractions(sandbox: sandbox, botURL: replica.interactionsURL)
                group.addTask {
                    let sample = try await interactions.setSchedule(guild, interval: "1", dailyAt: nil, restartPolicy: nil)
                    let content = sample.content ?? ""
                    let refusal = !sample.accepted || content.hasPrefix("❌")
                        ? "guild \(guild.id) via \(replica.name): \(sample.accepted ? content : "answer rejected: \(content)")" : nil
                    return (sample, refusal, Date())
                }
            }
            var setup = Setup()
            for try await (sample, refusal, answeredAt) in group {
                setup.samples.append(sample)
                if let refusal { setup.refused.append(refusal) }
                setup.lastAnswer = max(setup.lastAnswer, answeredAt)
            }
            return setup
        }
    }

    // MARK: The run

    /// A signed `/menu` to every live replica every `probeInterval`, guilds in turn; each
    /// replica's memory sampled each round.
    private func probeLoop(_ replicas: [ClusterReplica], guilds: [ScaleGuild]) async {
        await withTaskGroup(of: Void.self) { group in
            for replica in replicas {
                let interactions = ScaleInteractions(sandbox: sandbox, botURL: replica.interactionsURL)
                let interval = options.probeInterval
                group.addTask {
                    var turn = replica.index
                    while !Task.isCancelled {
                        let guild = guilds[turn % guilds.count]
                        turn += 1
                        await replica.probeIfLive {
                            do {
                                return (try await interactions.menu(guild), nil)
                            } catch {
                                return (nil, "\(error)")
                            }
                        }
                        replica.sampleMemory()
                        try? await Task.sleep(for: .seconds(interval))
                    }
                }
            }
        }
    }

    /// Every `killEvery` seconds until `end`: SIGKILL the next replica, note the claims it held,
    /// start it again at once on the same port and folder.
    private func killAndRestart(_ replicas: [ClusterReplica], until end: Date) async throws -> [ClusterReport.Kill] {
        var kills: [ClusterReport.Kill] = []
        var next = Date().addingTimeInterval(options.killEvery)
        while next < end {
            try await Task.sleep(for: .milliseconds(Int64(max(0, next.timeIntervalSinceNow) * 1_000)))
            let replica = replicas[kills.count % replicas.count]
            let pid = replica.currentPID ?? 0
            if options.killMidRun { await waitForRunningClaim(heldBy: pid) }
            if options.graceful {
                await replica.stopGracefully()
            } else {
                await replica.kill()
            }
            let killedAt = Date()
            let held = (try? await runningClaims(heldBy: pid)) ?? -1
            var kill = ClusterReport.Kill(replica: replica.name, pid: pid, at: killedAt, restartSeconds: nil, claimsHeld: held)
            do {
                try await replica.start()
                kill.restartSeconds = Date().timeIntervalSince(killedAt)
            } catch {
                log("\(replica.name) did not come back: \(error)")
            }
            log("\(options.graceful ? "stopped (SIGTERM)" : "killed") \(replica.name) pid \(pid) holding \(held) running claims; restarted as pid \(replica.currentPID ?? 0) in "
                + (kill.restartSeconds.map { ScaleReport.fixed($0, 1) + " s" } ?? "- (not healthy)"))
            kills.append(kill)
            next = next.addingTimeInterval(options.killEvery)
        }
        try await Task.sleep(for: .milliseconds(Int64(max(0, end.timeIntervalSinceNow) * 1_000)))
        return kills
    }

    /// Polls until the replica holds a claim still running (at most 15 s), so the kill lands
    /// mid-run and another replica has to take the run over.
    private func waitForRunningClaim(heldBy pid: Int32) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(15))
        while clock.now < deadline {
            if let held = try? await runningClaims(heldBy: pid), held > 0 { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
        log("no running claim held by pid \(pid) within 15 s; killing it anyway")
    }

    private func runningClaims(heldBy pid: Int32) async throws -> Int {
        let logger = Logger(label: "castbot.bench.cluster", factory: { _ in SwiftLogNoOpLogHandler() })
        let rows = try await database.client.query("SELECT replica FROM run_claims WHERE state = 'running'", logger: logger)
        var count = 0
        for try await replica in rows.decode(String.self) where ClusterReplicaNames.pid(pid, isIn: replica) { count += 1 }
        return count
    }

    // MARK: Figures

    private func tally(
        _ readout: ClusterDatabaseReadout, guilds: [ScaleGuild], replicas: [ClusterReplica], windowStart: Date, windowEnd: Date,
        into report: inout ClusterReport
    ) async throws {
        let names = ClusterReplicaNames(replicas.map { ($0.name, $0.pids) })
        let channelByKey = Dictionary(uniqueKeysWithValues: guilds.map { ("export:guild:\($0.id)", $0.channelID) })
        report.schedulesInDatabase = readout.schedules.count
        report.skippedRuns = readout.skippedRuns
        var outcomes: [ClusterSlots.SlotOutcome] = []
        var missingSchedules: [String] = []
        for key in channelByKey.keys.sorted() {
            guard let schedule = readout.schedules.first(where: { $0.key == key }), let channel = channelByKey[key] else {
                missingSchedules.append(key)
                continue
            }
            let postings = await sandbox.messages(inChannel: channel).compactMap { message -> ClusterSlots.Posting? in
                guard case .webhook = message.author, let file = message.attachments.first else { return nil }
                return ClusterSlots.Posting(postedAt: message.createdAt, runStartedAt: ScaleFigures.runDate(fromFilename: file.filename))
            }
            outcomes += ClusterSlots.outcomes(
                of: schedule, postings: postings, claims: readout.claims, windowStart: windowStart, windowEnd: windowEnd)
        }
        if !missingSchedules.isEmpty {
            report.warnings.append("\(missingSchedules.count) schedules are not in the database, e.g. \(missingSchedules.prefix(3).joined(separator: ", "))")
        }
        report.tally = ClusterSlots.Tally(outcomes, lateLimit: options.lateLimit)
        report.claimRows = readout.claims.count
        report.claimsStillRunning = readout.claims.filter { $0.state == "running" }.count
        var byReplica: [String: Int] = [:]
        for claim in readout.claims { byReplica[names.label(claim.replica), default: 0] += 1 }
        report.claimsByReplica = byReplica.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var byOutcome: [String: Int] = [:]
        for claim in readout.claims { byOutcome[claim.outcome ?? "(\(claim.state))", default: 0] += 1 }
        report.claimOutcomes = byOutcome.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }

        func describe(_ outcome: ClusterSlots.SlotOutcome) -> String {
            let messages = outcome.postings.map { posting in
                "+" + ScaleReport.fixed(posting.postedAt.timeIntervalSince1970 - Double(outcome.slot) / 1_000, 1) + " s"
                    + (posting.runStartedAt.map { " (run started " + ClusterReport.time($0) + ")" } ?? "")
            }
            let claim = outcome.claim.map { claim in
                "claim \(names.label(claim.replica)) state \(claim.state) outcome \(claim.outcome ?? "-") takeovers \(claim.takeovers) "
                    + "claimed +\(ScaleReport.fixed(Double(claim.claimedAt - outcome.slot) / 1_000, 1)) s"
                    + (claim.finishedAt.map { " finished +" + ScaleReport.fixed(Double($0 - outcome.slot) / 1_000, 1) + " s" } ?? "")
            } ?? "no claim row"
            return "\(outcome.key) slot \(ClusterReport.time(milliseconds: outcome.slot)): \(outcome.postings.count) messages [\(messages.joined(separator: ", "))]; \(claim)"
        }
        let duplicates = outcomes.filter { $0.postings.count >= 2 }
        let missing = outcomes.filter(\.postings.isEmpty)
        let late = outcomes.filter { ($0.lateness ?? 0) > options.lateLimit }
        report.examples += duplicates.prefix(5).map { "duplicate: " + describe($0) }
        report.examples += missing.prefix(5).map { "missing: " + describe($0) }
        report.examples += late.sorted { ($0.lateness ?? 0) > ($1.lateness ?? 0) }.prefix(5).map { "late: " + describe($0) }
        report.examples += outcomes.filter { ($0.claim?.takeovers ?? 0) > 0 }.prefix(5).map { "taken over: " + describe($0) }
        report.examples += readout.claims.filter { $0.state == "running" }.prefix(5).map { claim in
            "still running: \(claim.key) slot \(ClusterReport.time(milliseconds: claim.dueAt)) claimed by \(names.label(claim.replica)) "
                + "at \(ClusterReport.time(milliseconds: claim.claimedAt)), takeovers \(claim.takeovers)"
        }
    }

    /// Bot-token requests, webhook executions and 429s over the whole run.
    private func countRequests(into report: inout ClusterReport) async {
        let traffic = SandboxTraffic(await sandbox.recordedRequests(), applicationID: sandbox.configuration.applicationID)
        report.botRequests = traffic.botRequests
        report.webhookExecutions = traffic.webhookExecutions
        report.rateLimited = traffic.rateLimited
        report.botRequestsByRoute = traffic.botRequestsByRoute
    }

    private func settings(fileBytes: Int, fileGuilds: Int, replicas: [ClusterReplica]) -> [(String, String)] {
        [
            ("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores (nproc), \(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB"),
            ("castbot", options.castbot),
            ("data file", "\(options.dataFile): \(fileBytes) bytes, \(fileGuilds) guilds (loaded with castbot migrate --from-file)"),
            ("replicas", replicas.map { "\($0.name) \($0.origin) folder \($0.dataDirectory)" }.joined(separator: "; ")),
            ("schedules", "\(options.schedules) server exports every 1 minute, submitted round-robin over the replicas across \(Int(options.setupSeconds)) s"),
            ("run", "\(ScaleReport.fixed(options.minutes, 1)) minutes after the last schedule was set; \(options.graceful ? "SIGTERM (waiting for the exit)" : "SIGKILL") + restart every \(Int(options.killEvery)) s, replicas in turn"
                + (options.killMidRun ? ", each kill while the replica holds a running claim" : "")),
            ("end", "\(Int(options.settleSeconds)) s after the run (a claim's lease and a margin), then SIGTERM"),
            ("probe", "/menu to every live replica every \(ScaleReport.fixed(options.probeInterval, 1)) s"),
            ("work folder", "\(options.workFolder) (replica logs: rN-lifeM.log)"),
        ]
    }
}

/// Tells which bench replica a `run_claims.replica` name belongs to, by the process id in it.
struct ClusterReplicaNames: Sendable {
    private let pidsByName: [(name: String, pids: [Int32])]

    init(_ pidsByName: [(String, [Int32])]) {
        self.pidsByName = pidsByName.map { (name: $0.0, pids: $0.1) }
    }

    /// `r2 pid 1234`, or the stored name alone when no replica's pid is in it.
    func label(_ stored: String) -> String {
        for entry in pidsByName {
            if let pid = entry.pids.first(where: { Self.pid($0, isIn: stored) }) { return "\(entry.name) pid \(pid)" }
        }
        return stored
    }

    /// Whether `pid` appears in `name` as a whole number (`host:1234`, `castbot-1234`).
    static func pid(_ pid: Int32, isIn name: String) -> Bool {
        name.split(whereSeparator: { !$0.isNumber }).contains { $0 == String(pid) }
    }
}
