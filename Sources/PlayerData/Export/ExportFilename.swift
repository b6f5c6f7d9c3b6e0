import Foundation

/// The seed's export filenames.
public enum ExportFilename {
    /// `playerdata-export-<id>-<ts>.json` or `playerdata-scheduled-<id>-<ts>.json`
    public static func server(guildID: String, date: Date, kind: ExportKind) -> String {
        let prefix = kind == .manual ? "playerdata-export" : "playerdata-scheduled"
        return "\(prefix)-\(guildID)-\(Timestamp.fileSafe(date)).json"
    }

    /// `playerdata-FULL-export-<ts>.json` or `playerdata-scheduled-ALL-<ts>.json`
    public static func all(date: Date, kind: ExportKind) -> String {
        let prefix = kind == .manual ? "playerdata-FULL-export" : "playerdata-scheduled-ALL"
        return "\(prefix)-\(Timestamp.fileSafe(date)).json"
    }

    /// Whether `name` is exactly an export's own name as the two functions above make it: one of
    /// the four prefixes, a guild id of 17–20 digits where there is one, a file-safe timestamp
    /// (`2025-10-15T14-30-00-000Z`) and `.json`; no folder, no other character.
    public static func isExportName(_ name: String) -> Bool {
        let characters = Array(name.utf8)
        guard name.hasSuffix(".json"), characters.count > 5 + 25 else { return false }
        let stem = characters.dropLast(5)
        let timestamp = Array(stem.suffix(24))
        let pattern = Array("0000-00-00T00-00-00-000Z".utf8)
        guard stem.dropLast(24).last == UInt8(ascii: "-"),
            zip(timestamp, pattern).allSatisfy({ actual, expected in
                expected == UInt8(ascii: "0") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(actual) : actual == expected
            })
        else { return false }
        let prefix = String(decoding: stem.dropLast(25), as: UTF8.self)
        if prefix == "playerdata-FULL-export" || prefix == "playerdata-scheduled-ALL" { return true }
        for kind in ["playerdata-export-", "playerdata-scheduled-"] where prefix.hasPrefix(kind) {
            let id = prefix.utf8.dropFirst(kind.utf8.count)
            return (17...20).contains(id.count) && id.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        return false
    }
}
