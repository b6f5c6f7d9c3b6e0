import ArgumentParser
import CastBot
import CommandLineSupport
import ExportFormat
import Foundation
import PlayerData

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a v1.0 server export (or a whole data file) into the data file.",
        discussion: """
            Prints what would change; --yes applies it. Replaced data is first saved under \
            backups/ next to the data file, and the previous data file is kept as .backup. \
            Without a data file at --data, --yes refuses unless --create is given (a mistyped path \
            would otherwise become a new data file).
            """
    )

    @Option(help: "The data file (playerData.json) or the folder holding it.")
    var data: String

    @Option(help: "The export to import: JSON, gzip or encrypted; repeat for the parts of a split export.")
    var file: [String]

    @Option(name: .customLong("key"), help: "Secret key file, for an encrypted export (repeat for several).")
    var keys: [String] = []

    @Option(help: "The guild to import into (default: the export's own guild). Naming it allows a different guild than the export's.")
    var guild: String?

    @Flag(help: "Apply the plan (without it nothing is changed).")
    var yes = false

    @Flag(help: "Save even if the data-loss guard objects.")
    var force = false

    @Flag(help: "Create the data file (and its folder) when there is none yet.")
    var create = false

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let location = DurableFile.dataLocation(data)
            let store = PlayerDataStore(directory: location.directory, fileName: location.fileName)
            SecretKeyFile.warnIfExposed(keys)
            let isNew = !DurableFile.exists(store.dataPath)
            let decoded = try ExportFileDecoder.decode(parts: file, keyFiles: keys)
            if !decoded.steps.isEmpty { print("read the export: \(decoded.steps.joined(separator: ", "))") }
            let importBytes = decoded.json
            let plan = try await store.planImport(importBytes, targetGuild: guild, allowDifferentGuild: guild != nil)
            print(plan)
            if isNew {
                let note = "there is no data file at \(store.dataPath)"
                guard create else {
                    guard yes else {
                        print("dry run: nothing changed; \(note): check --data, or add --yes --create to create it")
                        return
                    }
                    throw ImportRefusal("\(note); nothing was changed. Check --data, or add --create to create a new data file there")
                }
                print("\(note); it will be created")
            }
            guard yes else {
                print("dry run: nothing changed; add --yes to apply")
                return
            }
            let result = try await store.apply(plan, date: Date(), force: force)
            print("applied: \(result.save.path) now holds \(Self.summary(of: result.save))")
            if let backup = result.backupPath { print("replaced data saved to \(backup)") }
            if let previous = result.save.backupPath { print("previous data file kept as \(previous)") }
        }
    }

    /// "2 guilds, 233 players, 376047 bytes".
    static func summary(of save: SaveReport) -> String {
        "\(counted(save.guildCount, "guild")), \(counted(save.playerCount, "player")), \(counted(save.byteCount, "byte"))"
    }
}

struct ImportRefusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
