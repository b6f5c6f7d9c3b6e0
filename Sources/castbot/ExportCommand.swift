import CommandLineSupport
import ArgumentParser
import CastBot
import CastBotCluster
import ExportFormat
import Logging
import Foundation
import PlayerData

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one guild as a v1.0 server export, or the whole data file.",
        discussion: "Writes to the export's own filename in the current folder unless --out says otherwise."
    )

    @Option(help: "The data file (playerData.json) or the folder holding it.")
    var data: String?

    @Option(help: "Export from the cluster's database instead (postgres://…; --all only; default: CASTBOT_DATABASE_URL when --data is not given).")
    var databaseURL: String?

    @Option(help: "The guild to export.")
    var guild: String?

    @Flag(help: "Export every guild: the whole file, unchanged.")
    var all = false

    @Option(help: "Where to write the export; - for standard output.")
    var out: String?

    @Flag(help: "Also print the export's SHA-256.")
    var sha256 = false

    func validate() throws {
        guard (guild != nil) != all else { throw ValidationError("give exactly one of --guild ID or --all") }
        if data != nil, databaseURL != nil { throw ValidationError("give --data or --database-url, not both") }
    }

    func run() async throws {
        guard let data else {
            try await exportFromDatabase()
            return
        }
        try await CommandOutput.runReportingFailure(context: data) {
            let location = DurableFile.dataLocation(data)
            let dataPath = "\(location.directory)/\(location.fileName)"
            let date = Date()
            if let guild {
                let artifact = try DataFileExporter.serverExport(dataFileAt: dataPath, guildID: guild, date: date, kind: .manual)
                try write(artifact, to: out ?? artifact.filename)
            } else if sha256 {
                // The checksum needs the bytes in hand, so this path loads the file whole.
                let file = try PlayerDataFile(bytes: DurableFile.contents(of: dataPath))
                let artifact = ExportBuilder.allExport(of: file, date: date, kind: .manual)
                try write(artifact, to: out ?? artifact.filename)
            } else {
                let destination = out ?? ExportFileName.all(date: date, kind: .manual)
                let export = try DataFileExporter.writeAllExport(dataFileAt: dataPath, to: destination, date: date, kind: .manual)
                report(guilds: export.guildCount, players: export.playerCount, bytes: export.byteCount, destination: destination)
            }
        }
    }

    /// Cluster mode: the file rebuilt from the database, byte for byte what was loaded or last saved.
    private func exportFromDatabase() async throws {
        try await CommandOutput.runReportingFailure(context: "database") {
            DatabaseURLOption.warnIfGiven(databaseURL)
            guard let url = databaseURL ?? ConfigurationSource(environment: ProcessInfo.processInfo.environment).value(.databaseURL) else {
                throw ValidationError("give --data PATH, or --database-url (or CASTBOT_DATABASE_URL) for cluster mode")
            }
            guard all else { throw ValidationError("from the database, export --all") }
            var logger = Logger(label: "castbot.export")
            logger.logLevel = .warning
            let stored = try await PostgresDatabase.withOpen(url: url, logger: logger) { database in
                try await database.checkConnection()
                return try await PostgresPlayerData(database: database).file()
            }
            guard let bytes = stored else {
                throw ValidationError("the database holds no player data yet: load it with castbot migrate --from-file")
            }
            let artifact = ExportBuilder.allExport(of: try PlayerDataFile(bytes: bytes), date: Date(), kind: .manual)
            try write(artifact, to: out ?? artifact.filename)
        }
    }

    private func write(_ artifact: ExportArtifact, to destination: String) throws {
        try DurableFile.writeCopy(artifact.bytes, to: destination)
        report(
            guilds: artifact.guildCount, players: artifact.playerCount, bytes: artifact.bytes.count,
            destination: destination, sha256: sha256 ? artifact.sha256 : nil)
    }

    private func report(guilds: Int, players: Int, bytes: Int, destination: String, sha256: String? = nil) {
        var summary = "exported \(guilds) guild(s), \(players) players, \(bytes) bytes"
        summary += destination == "-" ? " to standard output" : " to \(destination)"
        if let sha256 { summary += "\nsha256 \(sha256)" }
        CommandOutput.printError(summary)
    }
}
