import CommandLineSupport
import ArgumentParser
import Foundation
import PlayerData

struct BenchGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic data file: a real file's guilds cloned under fresh ids up to a size."
    )

    @Option(help: "Data file whose guilds are cloned (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "Size of the file in MB.")
    var size: Double

    @Option(help: "Where to write it.")
    var out: String

    @Option(help: "Also write the id of the clone of the largest guild to this file.")
    var sampleGuildOut: String?

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let sourceFile = try PlayerDataFile(bytes: DurableFile.contents(of: source ?? BenchRunCommand.defaultSource()))
            let generated = try BenchSyntheticData.generate(from: sourceFile, targetBytes: Int(size * 1_000_000))
            try DurableFile.writeCopy(generated.bytes, to: out)
            if let sampleGuildOut { try DurableFile.writeCopy(Array(generated.sampleGuildID.utf8), to: sampleGuildOut) }
            print("\(out): \(generated.bytes.count) bytes, \(generated.guildCount) guilds; largest guild cloned as \(generated.sampleGuildID)")
        }
    }
}
