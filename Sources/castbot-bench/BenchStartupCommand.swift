import ArgumentParser
import CastBotBench
import CommandLineSupport
import Foundation

struct BenchStartupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "`castbot serve` starting over a state database of many schedules: start-up, peak RSS, /metrics and /status.",
        discussion: """
            Seeds a state database directly with --schedules server-export schedules (restart policy resume, daily \
            at minutes spread over 24 hours, none due in the next quarter hour), each with its last settings, last \
            export and one history row. Starts the castbot next to this executable as `castbot serve` on a copy of \
            it against a DiscordSandbox, with the admin listener on, and reports spawn to the first /healthz 200, \
            /metrics and /status (first and last page) latency, peak RSS and SIGTERM to exit. With --reference, \
            that binary is measured the same way first, on its own copy, and the ratios are printed.
            """
    )

    @Option(help: "Schedules in the state database.")
    var schedules = 100_000

    @Option(help: "A castbot binary to measure first, on an identical copy, as the reference.")
    var reference: String?

    @Option(help: "castbot binary (default: the castbot next to this executable).")
    var castbot: String?

    @Option(help: "Requests of each endpoint.")
    var requests = 5

    @Option(help: "Data file (default: generate one of 10 guilds).")
    var dataFile: String?

    @Option(help: "Data file whose guilds are cloned when generating (default: as `scale`).")
    var source: String?

    @Option(help: "Work folder (default: a temporary folder, removed afterwards unless --keep).")
    var work: String?

    @Flag(help: "Keep the work folder.")
    var keep = false

    func validate() throws {
        guard (1...1_000_000).contains(schedules) else { throw ValidationError("--schedules must be 1 to 1000000") }
        guard (1...1_000).contains(requests) else { throw ValidationError("--requests must be 1 to 1000") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let castbotPath = try BenchProcessRunner.binaries(castbot: castbot).castbot
            if let reference, !FileManager.default.isExecutableFile(atPath: reference) {
                throw BenchError("no castbot binary at \(reference) (--reference)")
            }
            let folder = try work ?? BenchRunCommand.makeTemporaryFolder()
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if !keep && work == nil { try? FileManager.default.removeItem(atPath: folder) } }
            ScaleBench.killServeOnSignals()
            let options = StartupBench.Options(
                castbot: castbotPath, reference: reference,
                dataFile: try dataFile ?? BenchSyntheticData.writeFile(guilds: 10, source: source, into: folder), workFolder: folder,
                schedules: schedules, requests: requests)
            let report = try await StartupBench.run(options) { CommandOutput.printError($0) }
            print(report)
            if keep || work != nil { CommandOutput.printError("work folder kept: \(folder)") }
        }
    }
}
