import Foundation
import PlayerData

/// Work the load bench keeps running, round after round, while it measures interactions.
public protocol LoadBenchBackgroundWork: Sendable {
    /// Shown in the report, e.g. "all export of a 100.0 MB data file".
    var name: String { get }
    /// One round; returns the bytes it produced (e.g. the export's size).
    func runRound() async throws -> Int
}

/// The "All servers" export as a scheduled run does it: load and validate the data file fresh,
/// build the export (the whole file, unchanged) and its SHA-256.
public struct AllExportWork: LoadBenchBackgroundWork {
    public let dataDirectory: String

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    public var name: String { "all export of \(dataDirectory)/playerData.json (load, validate, build, SHA-256)" }

    public func runRound() async throws -> Int {
        let file = try await PlayerDataStore(directory: dataDirectory).load()
        let artifact = ExportBuilder.allExport(of: file, date: Date(), kind: .scheduled)
        return artifact.sha256.isEmpty ? 0 : artifact.bytes.count
    }
}
