import ArgumentParser
import CommandLineSupport

/// `castbot-bench`: measurements of the bot as `castbot serve` runs it. Not part of `castbot`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castbot-bench",
        abstract: "Benchmarks: exports against CastBot's Node runtime, un-gzipping, fuzzing, load, scale, start-up and cluster failover.",
        subcommands: [BenchRunCommand.self, BenchGenerateCommand.self, BenchFuzzCommand.self, BenchLoadCommand.self, BenchScaleCommand.self, BenchStartupCommand.self, BenchClusterCommand.self, BenchSlowClientsCommand.self, BenchEncryptionCommand.self, BenchEncryptionChildCommand.self, BenchGunzipCommand.self],
        defaultSubcommand: BenchRunCommand.self
    )

    static func main() async {
        await CommandOutput.exit(running: Self.self)
    }
}
