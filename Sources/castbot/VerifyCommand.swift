import ArgumentParser
import CastBot
import CommandLineSupport
import ExportFormat
import Foundation
import PlayerData

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Validate a data file or a v1.0 server export (JSON, gzip or encrypted); print guilds, players and size."
    )

    @Argument(help: "The file to check, or all parts of a split export.")
    var paths: [String]

    @Option(name: .customLong("key"), help: "Secret key file, for an encrypted export (repeat for several).")
    var keys: [String] = []

    func run() async throws {
        try await CommandOutput.runReportingFailure(context: paths.joined(separator: " ")) {
            SecretKeyFile.warnIfExposed(keys)
            let decoded = try ExportFileDecoder.decode(parts: paths, keyFiles: keys)
            if !decoded.steps.isEmpty { print("read: \(decoded.steps.joined(separator: ", "))") }
            print(try VerifyReport(bytes: decoded.json))
        }
    }
}
