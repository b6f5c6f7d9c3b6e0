import DiscordSandbox
import LocalServers
import Foundation
import Logging
import PlayerData

/// `castbot-bench scale`: the real path `castbot serve` runs, measured from outside.
///
/// 1. A DiscordSandbox on loopback in this process, enforcing Discord's global 50 requests/s per
///    bot token (and per IP for webhook executions), with one guild per data-file guild: an
///    `exports` channel the bot may use and an administrator each.
/// 2. `castbot serve` as a separate process, configured by environment as an operator would
///    (`DISCORD_TOKEN`, `DISCORD_API_BASE_URL`, `DISCORD_PUBLIC_KEY`, … pointing at the sandbox),
///    with a copy of the data file in its data folder.
/// 3. Each guild's schedule set through the signed schedule modal (`1d`, `server`, `clear`,
///    `daily_at`). Each submit also starts a first run 5 s later (the seed's behaviour); those
///    drain before the measured instant.
/// 4. The measured phase (`ScalePhase`): the daily runs come due (all at one minute, or spread
///    over consecutive minutes), some channels are deleted just before, and the bot is watched.
package enum ScaleBench {
    package enum Mode: String, Sendable, CaseIterable {
        /// Every schedule `daily_at` the same minute.
        case together
        /// Guild i's `daily_at` is ⌊i·W/N⌋ minutes after the first, over W minutes.
        case spread
    }

    package struct Options: Sendable {
        package var castbot: String
        package var dataFile: String
        package var workFolder: String
        package var guilds: Int
        package var mode: Mode
        package var spreadMinutes: Int
        package var stops: Int
        package var probePerSecond: Int
        /// Seconds from the start of scheduling to the first due instant; nil estimates it.
        package var leadSeconds: Double?
        package var setupConcurrency: Int

        package init(
            castbot: String, dataFile: String, workFolder: String, guilds: Int, mode: Mode, spreadMinutes: Int, stops: Int,
            probePerSecond: Int, leadSeconds: Double?, setupConcurrency: Int
        ) {
            self.castbot = castbot
            self.dataFile = dataFile
            self.workFolder = workFolder
            self.guilds = guilds
            self.mode = mode
            self.spreadMinutes = spreadMinutes
            self.stops = stops
            self.probePerSecond = probePerSecond
            self.leadSeconds = leadSeconds
            self.setupConcurrency = setupConcurrency
        }

        /// Enough for the submits and for the first runs they start to drain at Discord's rate
        /// (about 3 bot-token requests each), plus a margin for starting up.
        var effectiveLead: Double {
            leadSeconds ?? (45 + Double(guilds) * (0.02 + 3 / ScaleFigures.discordRequestsPerSecond))
        }
    }

    /// Kills the serve process on SIGINT or SIGTERM; call once before `run`.
    package static func killServeOnSignals() {
        ServeProcess.killAllOnSignals()
    }

    package static func run(_ options: Options, log: @escaping @Sendable (String) -> Void) async throws -> ScaleReport {
        try await DiscordSandbox.withQuietSandbox(label: "castbot.bench.scale") { sandbox, apiBaseURL in
            try await run(options, sandbox: sandbox, apiBaseURL: apiBaseURL, log: log)
        }
    }

    private static func run(
        _ options: Options, sandbox: DiscordSandbox, apiBaseURL: URL, log: @escaping @Sendable (String) -> Void
    ) async throws -> ScaleReport {
        let dataDirectory = options.workFolder + "/data"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let dataPath = dataDirectory + "/playerData.json"
        try? FileManager.default.removeItem(atPath: dataPath)
        try FileManager.default.copyItem(atPath: options.dataFile, toPath: dataPath)
        let (fileBytes, fileGuildIDs) = try guildIDs(in: dataPath)
        guard fileGuildIDs.count >= options.guilds else {
            throw BenchFailure("\(options.dataFile) holds \(fileGuildIDs.count) guilds; --guilds \(options.guilds) needs at least that many")
        }
        log("building the sandbox world: \(options.guilds) guilds…")
        let guilds = try await ScaleWorld.build(guildIDs: Array(fileGuildIDs.prefix(options.guilds)), in: sandbox)

        let port = try LoopbackPort.free()
        let environment = ServeProcess.environment(sandbox: sandbox, apiBaseURL: apiBaseURL, dataDirectory: dataDirectory, port: port)
        let serve = try ServeProcess(program: options.castbot, environment: environment, logPath: options.workFolder + "/castbot-serve.log")
        defer { serve.stop() }
        let origin = "http://127.0.0.1:\(port)"
        try await serve.waitUntilHealthy(origin: origin)
        log("castbot serve (pid \(serve.pid)) is up at \(origin); log: \(serve.logPath)")

        let firstDue = ScaleFigures.minuteBoundary(after: Date(), lead: options.effectiveLead)
        let plan = ScalePlan(guilds: guilds, mode: options.mode, firstDue: firstDue, spreadMinutes: options.spreadMinutes, stops: options.stops)
        guard let botURL = URL(string: origin + "/interactions") else { throw BenchFailure("bad bot URL \(origin)") }
        let interactions = ScaleInteractions(sandbox: sandbox, botURL: botURL)

        var report = ScaleReport()
        report.settings = settings(options, plan: plan, fileBytes: fileBytes, fileGuilds: fileGuildIDs.count, environment: environment)
        log("setting \(guilds.count) schedules through the schedule modal; first due \(firstDue) (\(options.mode.rawValue))…")
        let setupStart = Date()
        let setup = try await setSchedules(plan, interactions: interactions, concurrency: options.setupConcurrency)
        // A schedule set after its daily_at minute first runs tomorrow: the phase would only wait.
        guard Date() < firstDue.addingTimeInterval(-5) else {
            let took = Int(Date().timeIntervalSince(setupStart))
            throw BenchFailure(
                "setting the schedules took \(took) s and ran into the due instant; pass --lead-seconds of at least "
                    + "\(took + 60 + options.guilds * 3 / 50) (the submits plus the first runs they start, at about 3 requests each at 50/s)")
        }
        report.setupInteractions = LatencySummary(setup.map(\.latency))
        report.setupDeferred = setup.filter(\.deferred).count
        let refused = setup.filter { !$0.accepted || ($0.content ?? "").hasPrefix("❌") }
        report.setupRefused = refused.count
        if let first = refused.first {
            throw BenchFailure("the bot refused \(refused.count) schedule submits; first: \(first.content ?? "no content (rejected)")")
        }
        log("schedules set (\(report.setupInteractions)); waiting for their first runs, then for \(firstDue)…")
        let phase = ScalePhase(plan: plan, sandbox: sandbox, serve: serve, interactions: interactions, probePerSecond: options.probePerSecond, log: log)
        try await phase.measure(into: &report)
        guard serve.isRunning else { throw BenchFailure("castbot serve exited during the run; its log ends:\n\(serve.logTail())") }
        return report
    }

    /// Submits run `concurrency` at a time, in guild order.
    private static func setSchedules(_ plan: ScalePlan, interactions: ScaleInteractions, concurrency: Int) async throws -> [InteractionSample] {
        try await withThrowingTaskGroup(of: InteractionSample.self) { group in
            var samples: [InteractionSample] = []
            var next = plan.guilds.makeIterator()
            func submitNext() {
                guard let guild = next.next() else { return }
                let dailyAt = ScaleFigures.dailyAtText(plan.due(guild))
                group.addTask { try await interactions.setSchedule(guild, interval: "1d", dailyAt: dailyAt, restartPolicy: "clear") }
            }
            for _ in 0..<max(1, concurrency) { submitNext() }
            while let sample = try await group.next() {
                samples.append(sample)
                submitNext()
            }
            return samples
        }
    }

    /// The data file's size and guild ids (read once; this process's memory is not measured).
    static func guildIDs(in path: String) throws -> (bytes: Int, ids: [String]) {
        let bytes = try DurableFile.contents(of: path)
        return (bytes.count, try PlayerDataFile(bytes: bytes).guildIDs)
    }

    private static func settings(
        _ options: Options, plan: ScalePlan, fileBytes: Int, fileGuilds: Int, environment: [String: String]
    ) -> [(String, String)] {
        let configured = environment.keys.sorted().filter { $0 != "DISCORD_TOKEN" && $0 != "DISCORD_PUBLIC_KEY" }
        return [
            ("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores (nproc), \(ProcessInfo.processInfo.physicalMemory / 1_048_576) MiB"),
            ("castbot", options.castbot),
            ("data file", "\(options.dataFile): \(fileBytes) bytes, \(fileGuilds) guilds"),
            ("guilds scheduled", "\(options.guilds)"),
            ("mode", options.mode == .together
                ? "together: every schedule 1d daily_at \(ScaleFigures.dailyAtText(plan.firstDue)) UTC"
                : "spread: daily_at over \(plan.spreadMinutes) minutes from \(ScaleFigures.dailyAtText(plan.firstDue)) UTC"),
            ("first due", "\(plan.firstDue) (lead \(Int(options.effectiveLead)) s after start)"),
            ("channels deleted 2 s before their runs", "\(plan.stopped.count)"),
            ("sandbox", "global limit 50 requests/s per bot token and per IP for webhook executions"),
            ("probe", "/menu at \(options.probePerSecond)/s while runs are due; submits \(options.setupConcurrency) at a time"),
            ("castbot serve environment", configured.map { "\($0)=\(environment[$0] ?? "")" }.joined(separator: " ") + " DISCORD_TOKEN DISCORD_PUBLIC_KEY"),
        ]
    }
}

/// Who is due when, and whose channel goes away.
struct ScalePlan: Sendable {
    let guilds: [ScaleGuild]
    let mode: ScaleBench.Mode
    let firstDue: Date
    let spreadMinutes: Int
    /// The last `stops` guilds: their channels are deleted just before their runs.
    let stopped: [ScaleGuild]

    init(guilds: [ScaleGuild], mode: ScaleBench.Mode, firstDue: Date, spreadMinutes: Int, stops: Int) {
        self.guilds = guilds
        self.mode = mode
        self.firstDue = firstDue
        self.spreadMinutes = mode == .spread ? max(1, spreadMinutes) : 1
        stopped = Array(guilds.suffix(max(0, min(stops, guilds.count))))
    }

    func due(_ guild: ScaleGuild) -> Date {
        let minutes = ScaleFigures.spreadMinuteOffset(index: guild.index, count: guilds.count, minutes: spreadMinutes)
        return firstDue.addingTimeInterval(Double(minutes) * 60)
    }

    var lastDue: Date { guilds.last.map(due) ?? firstDue }
}
