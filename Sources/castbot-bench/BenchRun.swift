import Foundation

/// One data file's measurements. Each tool's runs are consecutive, after one untimed warm-up run
/// (binaries and data in the page cache): on a VM that hands freed memory back to the host, the
/// process running right after Node's 850 MB heap is freed would otherwise pay for re-faulting it.
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
        let nodeRuns = try Self.time(node, [nodeScript, dataPath] + selection + [nodeOut], output: nodeOut, runs: runs)
        let castbotRuns = try Self.time(
            castbot, ["export", "--data", dataPath] + selection + ["--out", castbotOut], output: castbotOut, runs: runs)
        let outputsMatch = try BenchFiles.sameExport(nodeOut, castbotOut)
        return BenchReport.Row(
            fileBytes: fileBytes, mode: mode, node: nodeRuns, castbot: castbotRuns, outputsMatch: outputsMatch)
    }

    /// `runs` timed runs after an untimed one; the output file is removed before each.
    private static func time(_ program: String, _ arguments: [String], output: String, runs: Int) throws -> [BenchProcessRunner.Measurement] {
        var measurements: [BenchProcessRunner.Measurement] = []
        for round in 0...runs {
            unlink(output)
            let measurement = try BenchProcessRunner.run(program, arguments)
            if round > 0 { measurements.append(measurement) }
        }
        return measurements
    }
}
