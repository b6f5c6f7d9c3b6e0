import CommandLineSupport
import ArgumentParser
import Foundation
import PlayerData

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export one guild as a v1.0 server export, or the whole data file.",
        discussion: "Writes to the export's own filename in the current folder unless --out says otherwise."
    )

    @Option(help: "The data file (playerData.json) or the folder holding it.")
    var data: String

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
    }

    func run() async throws {
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
                let destination = out ?? ExportFilename.all(date: date, kind: .manual)
                let export = try DataFileExporter.writeAllExport(dataFileAt: dataPath, to: destination, date: date, kind: .manual)
                report(guilds: export.guildCount, players: export.playerCount, bytes: export.byteCount, destination: destination)
            }
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
