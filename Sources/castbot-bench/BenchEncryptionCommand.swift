import ArgumentParser
import CastBotBench
import CommandLineSupport
import Foundation
import PlayerData

struct BenchEncryptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encryption",
        abstract: "Encrypted exports' overhead: an all-servers export packaged plain and encrypted, in one run.",
        discussion: """
            Generates a synthetic data file of --size MB, then alternates child processes that build \
            the all-servers export and package it as `castbot serve` does (gzip, parts), once without \
            and once with encryption to a fresh key pair. Reports median packaging and process times, \
            each variant's peak RSS, and encrypted/plain ratios.
            """
    )

    @Option(help: "Data file whose guilds are cloned (default: fixtures/castbot/playerData-2026-03-14T17-16-30.json in $CASTBOT_SHARED_DIR or ../shared).")
    var source: String?

    @Option(help: "Size of the synthetic data file in MB.")
    var size = 100.0

    @Option(help: "Timed runs per variant; the median is reported.")
    var runs = 3

    @Option(help: "Folder for the generated file (default: a temporary folder, removed afterwards).")
    var work: String?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard size > 0 else { throw ValidationError("--size must be a positive number of MB") }
    }

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let benchPath = try BenchProcessRunner.currentExecutable() ?? { throw BenchError("cannot locate this executable") }()
            let folder = try work ?? BenchRunCommand.makeTemporaryFolder()
            defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }
            let dataPath = "\(folder)/playerData-\(fixed(size, 0))MB.json"
            var generate = ["generate", "--size", String(size), "--out", dataPath]
            if let source { generate += ["--source", source] }
            _ = try BenchProcessRunner.run(benchPath, generate)
            let fileBytes = try BenchFiles.size(of: dataPath)
            print("\(dataPath): \(fileBytes) bytes; \(runs) runs per variant, alternating…")

            var results: [Bool: [(BenchProcessRunner.Measurement, ExportEncryptionBench.Outcome)]] = [false: [], true: []]
            for run in 0..<runs {
                for encrypted in [run % 2 == 1, run % 2 == 0] {
                    let outcomePath = "\(folder)/outcome.json"
                    var arguments = ["encryption-child", "--data", dataPath, "--outcome-out", outcomePath]
                    if encrypted { arguments.append("--encrypted") }
                    let measurement = try BenchProcessRunner.run(benchPath, arguments)
                    let outcome = try JSONDecoder().decode(ExportEncryptionBench.Outcome.self, from: Data(DurableFile.contents(of: outcomePath)))
                    results[encrypted, default: []].append((measurement, outcome))
                }
            }
            print(Self.report(plain: results[false] ?? [], encrypted: results[true] ?? []))
        }
    }

    static func report(
        plain: [(BenchProcessRunner.Measurement, ExportEncryptionBench.Outcome)],
        encrypted: [(BenchProcessRunner.Measurement, ExportEncryptionBench.Outcome)]
    ) -> String {
        func row(_ label: String, _ runs: [(BenchProcessRunner.Measurement, ExportEncryptionBench.Outcome)]) -> (String, Double, Double, Int) {
            let packaging = median(runs.map(\.1.packagingMilliseconds))
            let process = median(runs.map(\.0.milliseconds))
            let peak = runs.map(\.0.peakResidentKiB).max() ?? 0
            let sample = runs.first?.1
            let text = [
                label.padding(toLength: 10, withPad: " ", startingAt: 0),
                "export \(fixed(Double(sample?.exportBytes ?? 0) / 1_000_000, 1)) MB",
                "build \(fixed(median(runs.map(\.1.exportMilliseconds)), 0)) ms",
                "packaging \(fixed(packaging, 0)) ms",
                "process \(fixed(process, 0)) ms",
                "peak RSS \(fixed(Double(peak) / 1024, 1)) MiB",
                "uploads \(sample?.uploads ?? 0) (\(fixed(Double(sample?.uploadBytes ?? 0) / 1_000_000, 1)) MB)",
            ].joined(separator: "  ")
            return (text, packaging, process, peak)
        }
        let (plainText, plainPackaging, plainProcess, plainPeak) = row("plain", plain)
        let (sealedText, sealedPackaging, sealedProcess, sealedPeak) = row("encrypted", encrypted)
        return [
            plainText, sealedText,
            "encrypted/plain: packaging \(fixed(sealedPackaging / plainPackaging, 2))x, process \(fixed(sealedProcess / plainProcess, 2))x, "
                + "peak RSS \(fixed(Double(sealedPeak) / Double(max(1, plainPeak)), 2))x",
        ].joined(separator: "\n")
    }
}

/// The child of `castbot-bench encryption`: one packaging, its outcome written as JSON.
struct BenchEncryptionChildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encryption-child", shouldDisplay: false)

    @Option var data: String
    @Option var outcomeOut: String
    @Flag var encrypted = false

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            let outcome = try await ExportEncryptionBench.packageOnce(dataPath: data, encrypted: encrypted)
            try DurableFile.writeCopy(Array(JSONEncoder().encode(outcome)), to: outcomeOut)
        }
    }
}
