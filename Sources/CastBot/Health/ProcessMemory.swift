import PlayerData

/// The process's resident memory, for the health report.
enum ProcessMemory {
    /// Resident set size in bytes from `/proc/self/status` (Linux); nil where that is not available.
    static func residentBytes() -> Int? {
        guard let bytes = try? DurableFile.contents(of: "/proc/self/status") else { return nil }
        return residentBytes(fromProcStatus: String(decoding: bytes, as: UTF8.self))
    }

    /// Reads the `VmRSS:  123456 kB` line.
    static func residentBytes(fromProcStatus text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace)
            guard let value = fields.first.flatMap({ Int($0) }) else { return nil }
            let unit = fields.dropFirst().first?.lowercased() ?? "kb"
            switch unit {
            case "kb": return value * 1024
            case "mb": return value * 1024 * 1024
            default: return value
            }
        }
        return nil
    }
}
