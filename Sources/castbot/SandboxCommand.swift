import ArgumentParser

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("'sandbox' is not available yet")
    }
}
