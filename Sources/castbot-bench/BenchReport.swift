/// Medians, ratios and the printed table of `castbot-bench`.
struct BenchReport {
    struct Row {
        let fileBytes: Int
        let mode: String
        let node: [BenchProcessRunner.Measurement]
        let castbot: [BenchProcessRunner.Measurement]
        let outputsMatch: Bool

        var nodeMilliseconds: Double { median(node.map(\.milliseconds)) }
        var castbotMilliseconds: Double { median(castbot.map(\.milliseconds)) }
        var ratio: Double { nodeMilliseconds / castbotMilliseconds }
        var nodePeakKiB: Int { node.map(\.peakResidentKiB).max() ?? 0 }
        var castbotPeakKiB: Int { castbot.map(\.peakResidentKiB).max() ?? 0 }
        /// Peak RSS of castbot over the data file's size.
        var castbotMemoryRatio: Double { Double(castbotPeakKiB) * 1024 / Double(fileBytes) }
    }

    var rows: [Row] = []

    var text: String {
        var lines = [
            "size      export  node median  castbot median  node/castbot  node peak RSS  castbot peak RSS  castbot RSS/file  output equal",
        ]
        for row in rows {
            lines.append(
                [
                    pad(megabytes(row.fileBytes), 9), pad(row.mode, 7), pad(milliseconds(row.nodeMilliseconds), 12),
                    pad(milliseconds(row.castbotMilliseconds), 15), pad(fixed(row.ratio, 1) + "x", 13),
                    pad(megabytes(row.nodePeakKiB * 1024), 14), pad(megabytes(row.castbotPeakKiB * 1024), 17),
                    pad(fixed(row.castbotMemoryRatio, 2) + "x", 17), row.outputsMatch ? "yes" : "NO",
                ].joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func megabytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1_000_000, 1) + " MB"
    }

    private func milliseconds(_ value: Double) -> String {
        fixed(value, 0) + " ms"
    }
}

/// The middle value (mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// `value` with `digits` decimals, without locale-dependent formatting.
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = String(scaled / Int(scale))
    guard digits > 0 else { return whole }
    let fraction = String(abs(scaled) % Int(scale))
    return whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}
