import DiscordModels
import Foundation

/// An export file's name read back: whose data it holds and how it travelled (gzipped, sealed,
/// split). The inverse of `ExportFilename` plus the packaging suffixes.
///
/// `playerdata-scheduled-<guild>-<ts>.json`, `playerdata-scheduled-ALL-<ts>.json`,
/// `playerdata-export-<guild>-<ts>.json` and `playerdata-FULL-export-<ts>.json`, each optionally
/// followed by `.gz`, `.enc` and `.partKofN` in that order.
package struct ExportFileName: Sendable, Hashable, CustomStringConvertible {
    enum Scope: Sendable, Hashable {
        case all
        case guild(String)
    }

    let scope: Scope
    package let scheduled: Bool
    /// The export itself (`….json`).
    let exportName: String
    let gzipped: Bool
    let encrypted: Bool
    /// Part number and count when the file is one of several parts.
    let part: (number: Int, count: Int)?
    /// The name of the file the parts join into (the whole name when there are no parts).
    let joinedName: String

    package var description: String { joinedName + (part.map { " (part \($0.number) of \($0.count))" } ?? "") }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.joinedName == rhs.joinedName && lhs.part?.number == rhs.part?.number && lhs.part?.count == rhs.part?.count
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(joinedName)
        hasher.combine(part?.number)
    }

    /// True when this file is an export of exactly `scope` (a server export of that server, or
    /// an all-servers export for `.all`).
    package func holds(_ scope: ExportScope) -> Bool {
        switch (self.scope, scope) {
        case (.all, .all): true
        case (.guild(let named), .guild(let asked)): named == asked
        default: false
        }
    }

    init?(_ name: String) {
        var rest = Substring(name)
        var part: (Int, Int)?
        if let numbered = ExportPartNames.parse(name) {
            part = (numbered.number, numbered.count)
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
        guard rest.count > 25, rest[rest.index(rest.endIndex, offsetBy: -25)] == "-" else { return nil }
        let stem = rest.dropLast(25)
        let scope: Scope
        let scheduled: Bool
        switch stem {
        case "playerdata-scheduled-ALL": (scope, scheduled) = (.all, true)
        case "playerdata-FULL-export": (scope, scheduled) = (.all, false)
        default:
            if stem.hasPrefix("playerdata-scheduled-") {
                (scope, scheduled) = (.guild(String(stem.dropFirst("playerdata-scheduled-".count))), true)
            } else if stem.hasPrefix("playerdata-export-") {
                (scope, scheduled) = (.guild(String(stem.dropFirst("playerdata-export-".count))), false)
            } else {
                return nil
            }
        }
        if case .guild(let id) = scope, Snowflake(typed: id) == nil { return nil }
        self.scope = scope
        self.scheduled = scheduled
        self.exportName = exportName
        self.gzipped = gzipped
        self.encrypted = encrypted
        self.part = part
        self.joinedName = joined
    }
}
