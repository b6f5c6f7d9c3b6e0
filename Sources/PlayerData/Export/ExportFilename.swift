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
}
