/// What `castbot verify` says about a file: a data file or a v1.0 server export.
package struct VerifyReport: Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        case dataFile
        case serverExport(guildID: String)
    }

    package let kind: Kind
    package let byteCount: Int
    package let guildCount: Int
    package let playerCount: Int
    package let details: [String]
    package let warnings: [String]

    /// Validates `bytes`; throws the first problem found.
    package init(bytes: [UInt8]) throws(PlayerDataError) {
        let document = try PlayerDataFile(bytes: bytes)
        byteCount = document.byteCount
        let layout =
            document.layoutMatchesStringify
            ? "JSON.stringify(data, null, 2)" : "differs from JSON.stringify(data, null, 2); exports are re-indented"
        if ServerExport.declaresExport(document) {
            let export = try ServerExport(document: document)
            kind = .serverExport(guildID: export.guildID)
            // An export's top-level keys are its envelope (exportVersion, guildId, data…), not
            // guilds: only the duplicate check applies to them.
            warnings = Self.duplicateWarnings(document)
            guildCount = 1
            playerCount = export.playerCount
            details = [
                "valid v1.0 server export",
                "  guild: \(export.guildID)\(export.guildName.map { " (\($0))" } ?? "")",
                "  exported: \(export.exportDate ?? "unknown")",
                "  players: \(export.playerCount)",
                "  size: \(document.byteCount) bytes",
                "  layout: \(layout)",
            ]
        } else {
            kind = .dataFile
            warnings = Self.duplicateWarnings(document) + Self.guildShapeWarnings(document)
            guildCount = document.guildCount
            playerCount = document.playerCount
            let settings = document.keys.count - document.guildCount
            details = [
                "valid player data file",
                "  guilds: \(document.guildCount)\(settings > 0 ? " (plus \(settings) settings entries)" : "")",
                "  players: \(document.playerCount)",
                "  size: \(document.byteCount) bytes",
                "  layout: \(layout)",
            ]
        }
    }

    package var description: String {
        (details + warnings.map { "warning: \($0)" }).joined(separator: "\n")
    }

    private static func duplicateWarnings(_ document: PlayerDataFile) -> [String] {
        let offsets = document.duplicateKeys.flatMap(\.byteOffsets)
        let lines = LineNumbers(of: offsets, in: document.bytes)
        return document.duplicateKeys.map { duplicate in
            let where_ = duplicate.byteOffsets.map { String(lines[$0]) }.joined(separator: ", ")
            return "top-level key \"\(duplicate.key)\" occurs \(duplicate.byteOffsets.count) times (lines \(where_)); like JSON.parse, the last value is used, at the first position"
        }
    }

    private static func guildShapeWarnings(_ document: PlayerDataFile) -> [String] {
        document.index.entries.filter { $0.isGuild && $0.member.value.kind != .object }.map {
            "guild \"\($0.key)\" holds \($0.member.value.kind.nameWithArticle), not an object; it cannot be exported"
        }
    }
}

/// Line numbers of many byte offsets, found in one pass over the bytes.
struct LineNumbers {
    private var lines: [Int: Int] = [:]

    init(of offsets: [Int], in bytes: [UInt8]) {
        var line = 1
        var position = 0
        for offset in offsets.sorted() {
            while position < min(offset, bytes.count) {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            lines[offset] = line
        }
    }

    subscript(offset: Int) -> Int { lines[offset] ?? 0 }
}
