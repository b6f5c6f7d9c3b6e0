import CommandLineSupport
import ArgumentParser
import CastBotBench
import Foundation
import PlayerData

struct BenchScaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Many guild schedules through the real path `castbot serve` runs, against a sandbox at Discord's 50 requests/s.",
        discussion: """
            Generates a data file of about 13 KB per guild (or uses --data-file), builds a DiscordSandbox on \
            loopback with one channel and admin per guild, starts the castbot next to this executable as \
            `castbot serve` pointed at the sandbox by environment, and sets every guild's export schedule \
            through the signed schedule modal (1d, daily_at). The daily runs come due together (one minute) \
            or spread over --spread-minutes; --stops channels are deleted 2 s before their runs. Reports \
            lateness against Discord's floor, the bot's peak RSS, CPU per run and bytes written per run \
            (from /proc), /menu latency while runs are due, duplicate posts and DMs. Figures only: nothing \
            fails for missing a target. Build with -c release; 10,000 guilds take well over 10 minutes.
            """
    )

    @Option(help: "Guilds, each with one schedule.")
    var guilds = 10_000

    @Option(help: "together: all due the same minute; spread: due over --spread-minutes consecutive minutes.")
    var mode: String = ScaleBench.Mode.together.rawValue

    @Option(help: "Minutes the spread mode spreads the due times over (default: about Discord's floor at 3 requests a run).")
    var spreadMinutes: Int?

    @Option(help: "Data file to use (at least --guilds guilds); default: generate one of about 13 KB per guild.")
    var dataFile: String?

    @Option(help: "Data file whose guilds are cloned when generating (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "Schedules stopped at once: their channels are deleted just before their runs (default: a tenth of --guilds, at most 1000).")
    var stops: Int?

    @Option(help: "/menu interactions per second while the runs are due (0: none).")
    var probeRate = 5

    @Option(help: "Schedule modal submits in flight at once.")
    var setupConcurrency = 4

    @Option(help: "Seconds from the start of scheduling to the first due instant (default: estimated from --guilds).")
    var leadSeconds: Double?

    @Option(help: "castbot binary (default: the castbot next to this executable).")
    var castbot: String?

    @Option(help: "Work folder (default: a temporary folder, removed afterwards unless --keep).")
    var work: String?

    @Flag(help: "Keep the work folder (data folder, generated file, castbot's log).")
    var keep = false

    @Option(help: "Stop everything after this many seconds.")
    var timeout = 7_200.0

    func validate() throws {
        guard (1...100_000).contains(guilds) else { throw ValidationError("--guilds must be 1 to 100000") }
        guard ScaleBench.Mode(rawValue: mode) != nil else { throw ValidationError("--mode must be together or spread") }
        if let stops { guard (0...guilds).contains(stops) else { throw ValidationError("--stops must be 0 to --guilds") } }
        guard (0...1_000).contains(probeRate) else { throw ValidationError("--probe-rate must be 0 to 1000") }
        guard (1...64).contains(setupConcurrency) else { throw ValidationError("--setup-concurrency must be 1 to 64") }
        guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be more than 0") }
        if let spreadMinutes { guard (1...1_439).contains(spreadMinutes) else { throw ValidationError("--spread-minutes must be 1 to 1439") } }
        if let leadSeconds { guard leadSeconds.isFinite, leadSeconds >= 10 else { throw ValidationError("--lead-seconds must be at least 10") } }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let castbotPath = try BenchProcessRunner.binaries(castbot: castbot).castbot
            let folder = try work ?? BenchRunCommand.makeTemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if !keep && work == nil { try? FileManager.default.removeItem(atPath: folder) } }
            ScaleBench.killServeOnSignals()

            let options = ScaleBench.Options(
                castbot: castbotPath, dataFile: try dataFile ?? BenchSyntheticData.writeFile(guilds: guilds, source: source, into: folder), workFolder: folder, guilds: guilds,
                mode: ScaleBench.Mode(rawValue: mode) ?? .together,
                spreadMinutes: spreadMinutes ?? max(2, Int((Double(guilds) * 3 / 50 / 60).rounded(.up))), stops: stops ?? min(1_000, guilds / 10),
                probePerSecond: probeRate, leadSeconds: leadSeconds, setupConcurrency: setupConcurrency)
            let seconds = timeout
            let report = try await withThrowingTaskGroup(of: ScaleReport.self) { group in
                group.addTask { try await ScaleBench.run(options) { CommandOutput.printError($0) } }
                group.addTask {
                    try await Task.sleep(for: .seconds(seconds))
                    throw BenchError("scale did not finish within --timeout \(Int(seconds)) s; castbot serve was stopped")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw BenchError("scale produced no report") }
                return first
            }
            print(report)
            if keep || work != nil { CommandOutput.printError("work folder kept: \(folder)") }
        }
    }
}
