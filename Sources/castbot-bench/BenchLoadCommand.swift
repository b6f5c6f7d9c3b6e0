import CommandLineSupport
import ArgumentParser
import CastBotBench
import Foundation
import PlayerData

struct BenchLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "PING and a button at a steady rate against the real server on loopback during a large all export.",
        discussion: """
            Clones the guilds of a real data file into a synthetic playerData.json of --size-mb MB (or \
            uses --data), starts the bot as `castbot serve` runs it in sandbox mode, keeps running the \
            scheduled "All servers" export of that file (gzip, split, webhook upload to the sandbox) in the \
            background, and meanwhile sends signed PING and button interactions at --rate per second for \
            --seconds, open loop: each latency is measured from the request's scheduled send time. Reports \
            p50, p99 and max, and the same without the export first. Build with -c release.
            """
    )

    @Option(help: "Interactions per second (PING and the button alternate).")
    var rate = 200

    @Option(help: "Measured seconds (after a 2 s warm-up).")
    var seconds = 20.0

    @Option(help: "Size of the synthetic data file in MB.")
    var sizeMb = 100.0

    @Option(help: "Data file whose guilds are cloned (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "A data folder (or its playerData.json) to export instead of generating one; its state file is updated.")
    var data: String?

    @Flag(help: "Measure without the background export, for comparison.")
    var noExport = false

    @Option(help: "Seconds measured without the export first, for comparison (0 skips).")
    var baselineSeconds = 10.0

    @Option(help: "The button's custom id.")
    var button = "playerdata_export_status"

    func validate() throws {
        guard (1...10_000).contains(rate) else { throw ValidationError("--rate must be 1 to 10000 per second") }
        guard seconds.isFinite, seconds > 0, seconds <= 3_600 else { throw ValidationError("--seconds must be more than 0 and at most 3600") }
        guard baselineSeconds.isFinite, baselineSeconds >= 0, baselineSeconds <= 3_600 else {
            throw ValidationError("--baseline-seconds must be 0 to 3600")
        }
        guard sizeMb.isFinite, sizeMb > 0, sizeMb <= 4_000 else { throw ValidationError("--size-mb must be more than 0 and at most 4000") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            var generatedFolder: String?
            defer { if let generatedFolder { try? FileManager.default.removeItem(atPath: generatedFolder) } }
            var folder = data.map { DurableFile.dataLocation($0).directory }
            if folder == nil && !noExport {
                let made = try BenchRunCommand.makeTemporaryFolder()
                generatedFolder = made
                try generate(into: made)
                folder = made
            }
            let options = InteractionLoadBench.Options(
                requestsPerSecond: rate, duration: .seconds(seconds), buttonCustomID: button, baseline: .seconds(baselineSeconds))
            let result = try await InteractionLoadBench.run(options, dataDirectory: folder, exportInBackground: !noExport) {
                CommandOutput.printError($0)
            }
            print(result)
        }
    }

    private func generate(into folder: String) throws {
        let sourceFile = try PlayerDataFile(bytes: DurableFile.contents(of: source ?? BenchRunCommand.defaultSource()))
        let generated = try BenchSyntheticData.generate(from: sourceFile, targetBytes: Int(sizeMb * 1_000_000))
        try DurableFile.writeCopy(generated.bytes, to: "\(folder)/playerData.json")
        CommandOutput.printError("generated \(folder)/playerData.json: \(generated.bytes.count) bytes, \(generated.guildCount) guilds")
    }
}
