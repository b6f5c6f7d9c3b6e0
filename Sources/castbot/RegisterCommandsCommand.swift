import ArgumentParser

struct RegisterCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register-commands", abstract: "Not available yet.")

    func run() async throws {
        throw ValidationError("'register-commands' is not available yet")
    }
}
