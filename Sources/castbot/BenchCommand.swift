import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("'bench' is not available yet")
    }
}
