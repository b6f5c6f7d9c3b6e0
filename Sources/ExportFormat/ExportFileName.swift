import Foundation
import PlayerData

/// The one home of export file names, written and read back: whose data a file holds and how it
/// travelled (gzipped, sealed, split).
///
/// `playerdata-scheduled-<guild>-<ts>.json`, `playerdata-scheduled-ALL-<ts>.json`,
/// `playerdata-export-<guild>-<ts>.json` and `playerdata-FULL-export-<ts>.json` (the seed's
/// names), each optionally followed by `.gz`, `.enc` and `.partKofN` in that order.
package struct ExportFileName: Sendable, Hashable, CustomStringConvertible {
    package enum Scope: Sendable, Hashable {
        case all
        case guild(String)
    }

    package let scope: Scope
    package let scheduled: Bool
    /// The export itself (`….json`).
    package let exportName: String
    package let gzipped: Bool
    package let encrypted: Bool
    /// Which part of how many a file is.
    package struct Part: Sendable, Hashable {
        package let number: Int
        package let count: Int

        package init(number: Int, count: Int) {
            self.number = number
            self.count = count
        }
    }

    /// Part number and count when the file is one of several parts.
    package let part: Part?
    /// The name of the file the parts join into (the whole name when there are no parts).
    package let joinedName: String

    // MARK: Writing

    /// `playerdata-export-<id>-<ts>.json` or `playerdata-scheduled-<id>-<ts>.json`
    package static func server(guildID: String, date: Date, kind: ExportKind) -> String {
        "\(prefix(.guild(guildID), kind: kind))\(Timestamp.fileSafe(date)).json"
    }

    /// `playerdata-FULL-export-<ts>.json` or `playerdata-scheduled-ALL-<ts>.json`
    package static func all(date: Date, kind: ExportKind) -> String {
        "\(prefix(.all, kind: kind))\(Timestamp.fileSafe(date)).json"
    }

    /// What every export name of `scope` and `kind` starts with, up to its timestamp.
    package static func prefix(_ scope: Scope, kind: ExportKind) -> String {
        switch (scope, kind) {
        case (.guild(let id), .manual): "playerdata-export-\(id)-"
        case (.guild(let id), .scheduled): "playerdata-scheduled-\(id)-"
        case (.all, .manual): "playerdata-FULL-export-"
        case (.all, .scheduled): "playerdata-scheduled-ALL-"
        }
    }

    /// `name.part1of3` …; part numbers are zero-padded so `part*` lists them in order.
    package static func part(_ name: String, _ number: Int, of count: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, String(count).count - digits.count)) + digits
        return "\(name).part\(padded)of\(count)"
    }

    // MARK: Reading

    /// `name.part02of12` → ("name", 2, 12).
    package static func parsePart(_ filename: String) -> (base: String, number: Int, count: Int)? {
        guard let range = filename.range(of: ".part", options: .backwards) else { return nil }
        let tail = filename[range.upperBound...]
        let pieces = tail.split(separator: "of", omittingEmptySubsequences: false)
        guard pieces.count == 2, let number = Int(pieces[0]), let count = Int(pieces[1]), count >= 1, (1...count).contains(number),
            pieces[0].allSatisfy(\.isASCII), pieces[1].allSatisfy(\.isASCII)
        else { return nil }
        return (String(filename[..<range.lowerBound]), number, count)
    }

    /// Reads a file name back; nil for anything not named like an export.
    package init?(_ name: String) {
        var rest = Substring(name)
        var part: Part?
        if let numbered = Self.parsePart(name) {
            part = Part(number: numbered.number, count: numbered.count)
            rest = Substring(numbered.base)
        }
        let joined = String(rest)
        let encrypted = rest.hasSuffix(".enc")
        if encrypted { rest = rest.dropLast(4) }
        let gzipped = rest.hasSuffix(".gz")
        if gzipped { rest = rest.dropLast(3) }
        guard rest.hasSuffix(".json") else { return nil }
        let exportName = String(rest)
        rest = rest.dropLast(5)
        // The timestamp is the last 24 characters: 2025-10-15T14-30-00-000Z.
        guard rest.count > 25, rest[rest.index(rest.endIndex, offsetBy: -25)] == "-", Self.isTimestamp(rest.suffix(24)) else { return nil }
        let stem = rest.dropLast(24)
        let scope: Scope
        let scheduled: Bool
        switch stem {
        case Self.prefix(.all, kind: .scheduled): (scope, scheduled) = (.all, true)
        case Self.prefix(.all, kind: .manual): (scope, scheduled) = (.all, false)
        default:
            // `prefix(.guild(id), …)` without the id and its dash.
            let scheduledStem = "playerdata-scheduled-"
            let manualStem = "playerdata-export-"
            if stem.hasPrefix(scheduledStem) {
                (scope, scheduled) = (.guild(String(stem.dropFirst(scheduledStem.count).dropLast())), true)
            } else if stem.hasPrefix(manualStem) {
                (scope, scheduled) = (.guild(String(stem.dropFirst(manualStem.count).dropLast())), false)
            } else {
                return nil
            }
        }
        if case .guild(let id) = scope, !Self.isDiscordID(id) { return nil }
        self.scope = scope
        self.scheduled = scheduled
        self.exportName = exportName
        self.gzipped = gzipped
        self.encrypted = encrypted
        self.part = part
        self.joinedName = joined
    }

    /// Whether `name` is exactly an export's own name as `server` and `all` make it (no
    /// packaging suffix, no folder, no other character): safe to name a file after.
    package static func isExportName(_ name: String) -> Bool {
        ExportFileName(name).map { $0.exportName == name && $0.part == nil } ?? false
    }

    /// `Timestamp.fileSafe`'s shape: `2025-10-15T14-30-00-000Z`, digits where it has digits.
    static func isTimestamp(_ text: Substring) -> Bool {
        let pattern = Array("0000-00-00T00-00-00-000Z".utf8)
        let characters = Array(text.utf8)
        return characters.count == pattern.count
            && zip(characters, pattern).allSatisfy { actual, expected in
                expected == UInt8(ascii: "0") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(actual) : actual == expected
            }
    }

    /// A Discord id as it appears in a name: 17–20 digits.
    static func isDiscordID(_ text: String) -> Bool {
        (17...20).contains(text.utf8.count) && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            && UInt64(text) != nil
    }

    package var description: String { joinedName + (part.map { " (part \($0.number) of \($0.count))" } ?? "") }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.joinedName == rhs.joinedName && lhs.part == rhs.part
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(joinedName)
        hasher.combine(part?.number)
    }
}

extension ExportArtifact {
    /// The export's file name: `ExportFileName.server` or `.all` for its guild, date and kind.
    package var filename: String {
        guildID.map { ExportFileName.server(guildID: $0, date: date, kind: kind) } ?? ExportFileName.all(date: date, kind: kind)
    }
}
