import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("'export' is not available yet")
    }
}
