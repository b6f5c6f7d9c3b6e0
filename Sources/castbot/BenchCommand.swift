import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Not available yet.", subcommands: BenchSubcommands.all)

    func run() async throws {
        throw ValidationError("'bench' is not available yet")
    }
}
