import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark exports against CastBot's Node runtime.",
        subcommands: [BenchRunCommand.self, BenchGenerateCommand.self],
        defaultSubcommand: BenchRunCommand.self
    )
}
