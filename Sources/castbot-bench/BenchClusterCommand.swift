import ArgumentParser
import CastBotBench
import CommandLineSupport
import Foundation

struct BenchClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Several `castbot serve` replicas on one PostgreSQL, one killed every so often: every due run exactly once, on time.",
        discussion: """
            Starts PostgreSQL 15 (initdb in a temporary folder; CASTBOT_POSTGRES_BIN names its bin folder), \
            a DiscordSandbox at Discord's 50 requests/s with one guild per schedule, loads a generated data \
            file with `castbot migrate --from-file`, and starts --replicas `castbot serve` processes on the \
            same CASTBOT_DATABASE_URL, each with its own data folder and port. Sets one server-export \
            schedule per guild (every 1 minute) through the signed schedule modal, round-robin over the \
            replicas, then runs for --minutes while SIGKILLing one replica every --kill-every seconds and \
            restarting it at once. Checks from the sandbox's channel messages and the database's schedules \
            and run_claims that every due slot got exactly one export message, and how late; probes every \
            live replica with /menu. Exits 1 on a duplicate, a missing run or one later than --late-limit. \
            Build with -c release (castbot and castbot-bench).
            """
    )

    @Option(help: "castbot serve processes sharing the database.")
    var replicas = 3

    @Option(help: "Guilds, each with one server-export schedule every minute.")
    var schedules = 1_000

    @Option(help: "Minutes to run after the last schedule was set.")
    var minutes = 10.0

    @Option(help: "Seconds between SIGKILLs (one replica at a time, in turn; 0: never).")
    var killEvery = 120.0

    @Flag(help: "Time each kill (waiting up to 15 s) for when the replica holds a run's claim, so runs are taken over.")
    var killMidRun = false

    @Flag(help: "A rolling restart: stop each replica with SIGTERM and wait for it to exit, instead of SIGKILL.")
    var graceful = false

    @Option(help: "Seconds the schedule submits are spread over, so the runs spread over the minute (default: 60, less for few schedules).")
    var setupSeconds: Double?

    @Option(help: "Seconds between /menu probes of each live replica.")
    var probeInterval = 2.0

    @Option(help: "Seconds to wait after the run before stopping the replicas (at least 20: a claim's lease and a margin).")
    var settleSeconds = 25.0

    @Option(help: "A run later than this many seconds fails the bench.")
    var lateLimit = 15.0

    @Option(help: "Data file to use (at least --schedules guilds); default: generate one of about 13 KB per guild.")
    var dataFile: String?

    @Option(help: "Data file whose guilds are cloned when generating (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "castbot binary (default: the castbot next to this executable).")
    var castbot: String?

    @Option(help: "Work folder (default: a temporary folder, removed afterwards unless --keep).")
    var work: String?

    @Flag(help: "Keep the work folder (replica folders and logs, generated file).")
    var keep = false

    @Option(help: "Stop everything after this many seconds.")
    var timeout = 7_200.0

    func validate() throws {
        guard (1...16).contains(replicas) else { throw ValidationError("--replicas must be 1 to 16") }
        guard (1...100_000).contains(schedules) else { throw ValidationError("--schedules must be 1 to 100000") }
        guard minutes.isFinite, minutes >= 2, minutes <= 1_440 else { throw ValidationError("--minutes must be 2 to 1440 (the window ends a minute before the run does)") }
        guard killEvery.isFinite, killEvery == 0 || killEvery >= 10 else { throw ValidationError("--kill-every must be 0 (no kills) or at least 10 seconds") }
        if let setupSeconds { guard setupSeconds.isFinite, (0...3_600).contains(setupSeconds) else { throw ValidationError("--setup-seconds must be 0 to 3600") } }
        guard probeInterval.isFinite, probeInterval >= 0.1 else { throw ValidationError("--probe-interval must be at least 0.1 seconds") }
        guard settleSeconds.isFinite, settleSeconds >= 20 else { throw ValidationError("--settle-seconds must be at least 20 (a claim's lease and a margin)") }
        guard lateLimit.isFinite, lateLimit > 0 else { throw ValidationError("--late-limit must be more than 0") }
        guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be more than 0") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let castbotPath = try BenchProcessRunner.binaries(castbot: castbot).castbot
            let folder = try work ?? BenchRunCommand.makeTemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if !keep && work == nil { try? FileManager.default.removeItem(atPath: folder) } }
            ClusterBench.killReplicasOnSignals()

            let options = ClusterBench.Options(
                castbot: castbotPath, dataFile: try dataFile ?? BenchSyntheticData.writeFile(guilds: schedules, source: source, into: folder),
                workFolder: folder, replicas: replicas, schedules: schedules, minutes: minutes,
                killEvery: killEvery == 0 ? .infinity : killEvery,
                // About 20 submits a second at most: a few schedules need not wait a minute.
                setupSeconds: setupSeconds ?? min(60, Double(schedules) / 20), probeInterval: probeInterval,
                settleSeconds: settleSeconds, lateLimit: lateLimit, killMidRun: killMidRun, graceful: graceful)
            let seconds = timeout
            let report = try await withThrowingTaskGroup(of: ClusterReport.self) { group in
                group.addTask { try await ClusterBench.run(options) { CommandOutput.printError($0) } }
                group.addTask {
                    try await Task.sleep(for: .seconds(seconds))
                    throw BenchError("cluster did not finish within --timeout \(Int(seconds)) s; the replicas were stopped")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw BenchError("cluster produced no report") }
                return first
            }
            print(report)
            if keep || work != nil { CommandOutput.printError("work folder kept: \(folder)") }
            if !report.passed { throw ExitCode(1) }
        }
    }
}
