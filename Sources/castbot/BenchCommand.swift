import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: exports against CastBot's Node runtime, fuzzing, load and scale.",
        subcommands: [BenchRunCommand.self, BenchGenerateCommand.self] + BenchSubcommands.all,
        defaultSubcommand: BenchRunCommand.self
    )
}
