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
            let destination: String
            let artifact: ExportArtifact
            if let guild {
                let file = try PlayerDataFile(bytes: DurableFile.contents(of: dataPath))
                artifact = try ExportBuilder.serverExport(of: file, guildID: guild, date: date, kind: .manual)
                destination = out ?? artifact.filename
                try DurableFile.writeCopy(artifact.bytes, to: destination)
            } else {
                destination = out ?? ExportFilename.all(date: date, kind: .manual)
                artifact = try AllExportWriter.write(dataFileAt: dataPath, to: destination, date: date, kind: .manual)
            }
            var summary = "exported \(artifact.guildCount) guild(s), \(artifact.playerCount) players, \(artifact.bytes.count) bytes"
            summary += destination == "-" ? " to standard output" : " to \(destination)"
            if sha256 { summary += "\nsha256 \(artifact.sha256)" }
            CommandOutput.printError(summary)
        }
    }
}
