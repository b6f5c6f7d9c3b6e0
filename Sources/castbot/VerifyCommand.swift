import CommandLineSupport
import ArgumentParser
import Foundation
import PlayerData

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Validate a data file or a v1.0 server export; print guilds, players and size."
    )

    @Argument(help: "The file to check.")
    var path: String

    func run() async throws {
        try await CommandOutput.runReportingFailure(context: path) {
            print(try VerifyReport(bytes: DurableFile.contents(of: path)))
        }
    }
}
