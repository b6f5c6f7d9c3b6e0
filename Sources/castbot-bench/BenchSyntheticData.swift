import CommandLineSupport
import PlayerData

/// Large data files for benchmarks: a real file's guilds cloned under fresh ids until the file
/// reaches the wanted size, in JSON.stringify's layout (as CastBot writes it).
enum BenchSyntheticData {
    struct Generated {
        let bytes: [UInt8]
        let guildCount: Int
        /// The clone of the source's largest guild, a realistic heavy server export.
        let sampleGuildID: String
    }

    static func generate(from source: PlayerDataFile, targetBytes: Int) throws -> Generated {
        guard source.layoutMatchesStringify else {
            throw BenchError("the source file must be laid out like JSON.stringify(data, null, 2)")
        }
        let guilds = source.guildIDs.compactMap { id in source.guild(id).map { (id, $0) } }
        guard let largest = guilds.max(by: { $0.1.count < $1.1.count }) else {
            throw BenchError("the source file has no guilds to clone")
        }
        var out: [UInt8] = Array("{".utf8)
        out.reserveCapacity(targetBytes + largest.1.count + 64)
        var first = true
        func appendMember(_ key: String, _ value: ArraySlice<UInt8>) {
            out.append(contentsOf: Array((first ? "\n  \"" : ",\n  \"").utf8))
            out.append(contentsOf: Array(key.utf8))
            out.append(contentsOf: Array("\": ".utf8))
            out.append(contentsOf: value)
            first = false
        }
        for key in source.keys where PlayerDataFile.nonGuildKeys.contains(key) {
            if let value = source.guild(key) { appendMember(key, value) }
        }
        var clones = 0
        var sample: String?
        // Fresh 19-digit ids that cannot collide with real snowflakes of the source.
        while out.count < targetBytes {
            for (id, value) in guilds where out.count < targetBytes {
                let clone = String(1_900_000_000_000_000_000 + clones)
                appendMember(clone, value)
                if sample == nil && id == largest.0 { sample = clone }
                clones += 1
            }
        }
        out.append(contentsOf: Array("\n}".utf8))
        return Generated(bytes: out, guildCount: clones, sampleGuildID: sample ?? String(1_900_000_000_000_000_000))
    }
}

extension BenchSyntheticData {
    /// About 13 KB per guild (130 MB at 10,000): a real file's guilds (`source`, default the
    /// shared fixture) cloned until the file has at least `guilds` guilds, written into `folder`.
    static func writeFile(guilds: Int, source: String?, into folder: String) throws -> String {
        let sourceFile = try PlayerDataFile(bytes: DurableFile.contents(of: source ?? BenchRunCommand.defaultSource()))
        var targetBytes = guilds * 13_000
        for _ in 0..<8 {
            let generated = try generate(from: sourceFile, targetBytes: targetBytes)
            if generated.guildCount >= guilds {
                let path = "\(folder)/playerData-\(guilds)-guilds.json"
                try DurableFile.writeCopy(generated.bytes, to: path)
                CommandOutput.printError("generated \(path): \(generated.bytes.count) bytes, \(generated.guildCount) guilds")
                return path
            }
            targetBytes = targetBytes * 3 / 2
        }
        throw BenchError("could not generate a file with \(guilds) guilds from the source")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
