import ArgumentParser
import Foundation
import PlayerData

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time `castbot export` against CastBot's Node export step on synthetic data.",
        discussion: """
            Clones a real data file's guilds under fresh ids into files of the given sizes, then \
            runs `castbot export --all`, `castbot export --guild ID` and scripts/node-export.mjs \
            (the seed's JSON.parse + JSON.stringify export) as separate processes, interleaved, and \
            reports median wall times, their ratio and each process's peak RSS. Build castbot with \
            `swift build -c release` first and run from the package root.
            """
    )

    @Option(help: "Data file whose guilds are cloned (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "Sizes of the synthetic files in MB, comma-separated.")
    var sizes = "4,100"

    @Option(help: "Timed runs per measurement; the median is reported.")
    var runs = 5

    @Option(help: "Node.js executable.")
    var node = "node"

    @Option(help: "The Node export script.")
    var nodeScript = "scripts/node-export.mjs"

    @Option(help: "castbot binary to time (default: this executable).")
    var castbot: String?

    @Option(help: "Folder for the generated files (default: a temporary folder, removed afterwards).")
    var work: String?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard !megabyteSizes.isEmpty else { throw ValidationError("--sizes must list sizes in MB, e.g. 4,100") }
    }

    private var megabyteSizes: [Double] {
        sizes.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let castbotPath = try castbot ?? BenchProcessRunner.currentExecutable() ?? { throw BenchError("cannot locate the castbot binary; pass --castbot") }()
            let sourceFile = try PlayerDataFile(bytes: DurableFile.contents(of: source ?? Self.defaultSource()))
            let folder = try work ?? Self.makeTemporaryFolder()
            defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }

            var report = BenchReport()
            for size in megabyteSizes {
                let generated = try BenchSyntheticData.generate(from: sourceFile, targetBytes: Int(size * 1_000_000))
                let dataPath = "\(folder)/playerData-\(fixed(size, 0))MB.json"
                try DurableFile.writeCopy(generated.bytes, to: dataPath)
                print("\(dataPath): \(generated.bytes.count) bytes, \(generated.guildCount) guilds; timing \(runs) runs each…")
                let bench = BenchRun(castbot: castbotPath, node: node, nodeScript: nodeScript, folder: folder, dataPath: dataPath)
                report.rows.append(try bench.measure(mode: "all", guild: nil, runs: runs, fileBytes: generated.bytes.count))
                report.rows.append(
                    try bench.measure(mode: "server", guild: generated.sampleGuildID, runs: runs, fileBytes: generated.bytes.count))
            }
            print(report.text)
        }
    }

    static func defaultSource() -> String {
        let shared = ProcessInfo.processInfo.environment["CASTBOT_SHARED_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "../shared"
        return "\(shared)/fixtures/castbot/playerData-2026-03-14T17-16-30.json"
    }

    static func makeTemporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// One data file's measurements: node and castbot interleaved so both see the same conditions.
struct BenchRun {
    let castbot: String
    let node: String
    let nodeScript: String
    let folder: String
    let dataPath: String

    func measure(mode: String, guild: String?, runs: Int, fileBytes: Int) throws -> BenchReport.Row {
        let nodeOut = "\(folder)/node-\(mode).json"
        let castbotOut = "\(folder)/castbot-\(mode).json"
        let selection = guild.map { ["--guild", $0] } ?? ["--all"]
        let nodeArguments = [nodeScript, dataPath] + selection + [nodeOut]
        let castbotArguments = ["export", "--data", dataPath] + selection + ["--out", castbotOut]
        var nodeRuns: [BenchProcessRunner.Measurement] = []
        var castbotRuns: [BenchProcessRunner.Measurement] = []
        // One untimed round first, so both start with their binaries and the data in the page cache.
        for round in 0...runs {
            for output in [nodeOut, castbotOut] { unlink(output) }
            let nodeRun = try BenchProcessRunner.run(node, nodeArguments)
            let castbotRun = try BenchProcessRunner.run(castbot, castbotArguments)
            if round > 0 {
                nodeRuns.append(nodeRun)
                castbotRuns.append(castbotRun)
            }
        }
        let outputsMatch = try Self.sameExport(DurableFile.contents(of: nodeOut), DurableFile.contents(of: castbotOut))
        return BenchReport.Row(
            fileBytes: fileBytes, mode: mode, node: nodeRuns, castbot: castbotRuns, outputsMatch: outputsMatch)
    }

    /// Equal bytes, apart from the value of `exportDate` (each process stamps its own time).
    static func sameExport(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        let marker = Array("\"exportDate\": \"".utf8)
        guard let start = a.indices.prefix(200).first(where: { a[$0...].starts(with: marker) }) else { return a == b }
        let date = (start + marker.count)..<(start + marker.count + 24)
        return a[..<date.lowerBound] == b[..<date.lowerBound] && a[date.upperBound...] == b[date.upperBound...]
    }
}
