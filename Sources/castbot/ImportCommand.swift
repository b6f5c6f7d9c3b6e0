import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("'import' is not available yet")
    }
}
