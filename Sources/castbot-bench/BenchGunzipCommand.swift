import ArgumentParser
import CastBotBench
import CommandLineSupport
import Foundation
import PlayerData

struct BenchGunzipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gunzip",
        abstract: "Un-gzipping untrusted exports: `castbot verify` on a gzip bomb and on a normal gzipped export, in one run.",
        discussion: """
            Writes a gzip bomb (--bomb-gib GiB of zeros, gzipped: a few MB) and a synthetic data \
            file of --size MB gzipped as an export travels, then runs `castbot verify FILE` on each, \
            alternating, --runs times: the command that un-gzips a file a user was handed. Reports \
            each process's peak RSS and wall time, whether the bomb was refused and with what \
            message, and the bomb/normal peak RSS ratio. With --reference-castbot, runs that binary \
            (say an older build) on the same bomb once, for comparison.
            """
    )

    @Option(help: "Data file whose guilds are cloned (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "Size of the normal export in MB.")
    var size = 100.0

    @Option(help: "What the bomb expands to, in GiB.")
    var bombGib = 4.0

    @Option(help: "Runs per file; the median time and the largest peak RSS are reported.")
    var runs = 3

    @Option(help: "castbot binary to run (default: the castbot next to this executable).")
    var castbot: String?

    @Option(help: "Another castbot binary to run once on the bomb, for comparison (it may need as much memory as the bomb expands to).")
    var referenceCastbot: String?

    @Option(help: "Folder for the generated files (default: a temporary folder, removed afterwards).")
    var work: String?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard size > 0, bombGib > 0 else { throw ValidationError("--size and --bomb-gib must be positive") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let (benchPath, castbotPath) = try BenchProcessRunner.binaries(castbot: castbot)
            let folder = try work ?? BenchRunCommand.makeTemporaryFolder()
            defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }

            let dataPath = "\(folder)/playerData-\(fixed(size, 0))MB.json"
            var generate = ["generate", "--size", String(size), "--out", dataPath]
            if let source { generate += ["--source", source] }
            _ = try BenchProcessRunner.run(benchPath, generate)
            // Named as an export sent gzipped; `verify` goes by the bytes, not the name.
            let normalPath = "\(folder)/playerdata-FULL-export-2026-01-01T00-00-00-000Z.json.gz"
            let normalGzip = try GzipBenchFiles.gzipFile(dataPath, to: normalPath)
            let bombPath = "\(folder)/playerdata-FULL-export-2026-01-02T00-00-00-000Z.json.gz"
            let bombBytes = Int(bombGib * 1024 * 1024 * 1024)
            let bombGzip = try GzipBenchFiles.writeBomb(expandingTo: bombBytes, to: bombPath)
            print("normal: \(try BenchFiles.size(of: dataPath)) bytes, gzipped \(normalGzip) bytes")
            print("bomb: \(bombBytes) bytes of zeros, gzipped \(bombGzip) bytes")
            print("\(castbotPath) verify FILE, \(runs) runs per file, alternating…")

            let outputPath = "\(folder)/verify-output.txt"
            var normal: [BenchProcessRunner.Measurement] = []
            var bomb: [BenchProcessRunner.Measurement] = []
            var bombOutput = ""
            for run in 0..<runs {
                for isBomb in run % 2 == 0 ? [false, true] : [true, false] {
                    let (measurement, status) = try BenchProcessRunner.runToExit(
                        castbotPath, ["verify", isBomb ? bombPath : normalPath], outputPath: outputPath)
                    let output = String(decoding: try DurableFile.contents(of: outputPath), as: UTF8.self)
                    if isBomb {
                        guard status != 0 else { throw BenchError("castbot verify accepted the gzip bomb:\n\(output)") }
                        bomb.append(measurement)
                        bombOutput = output
                    } else {
                        guard status == 0 else { throw BenchError("castbot verify refused the normal export (exit \(status)):\n\(output)") }
                        normal.append(measurement)
                    }
                }
            }
            var lines = [
                Self.row("normal", normal), Self.row("bomb", bomb),
                "bomb/normal peak RSS: \(fixed(Double(Self.peak(bomb)) / Double(max(1, Self.peak(normal))), 3))x",
                "bomb refused: \(bombOutput.trimmingCharacters(in: .whitespacesAndNewlines))",
            ]
            if let referenceCastbot {
                let (measurement, status) = try BenchProcessRunner.runToExit(referenceCastbot, ["verify", bombPath], outputPath: outputPath)
                let output = String(decoding: try DurableFile.contents(of: outputPath), as: UTF8.self)
                lines.append(Self.row("reference bomb", [measurement]) + "  exit \(status)")
                lines.append("reference said: \(output.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))")
                lines.append("bomb peak RSS, this/reference: \(fixed(Double(Self.peak(bomb)) / Double(max(1, measurement.peakResidentKiB)), 4))x")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    static func peak(_ runs: [BenchProcessRunner.Measurement]) -> Int {
        runs.map(\.peakResidentKiB).max() ?? 0
    }

    static func row(_ label: String, _ runs: [BenchProcessRunner.Measurement]) -> String {
        [
            label.padding(toLength: 15, withPad: " ", startingAt: 0),
            "process \(fixed(median(runs.map(\.milliseconds)), 0)) ms (median of \(runs.count))",
            "peak RSS \(fixed(Double(peak(runs)) / 1024, 1)) MiB",
        ].joined(separator: "  ")
    }
}
