import Foundation

/// The real CastBot data files in the shared folder: `$CASTBOT_SHARED_DIR`, or `../shared`
/// beside the package root found above this file.
enum SharedFixtures {
    static let wholeFile = "playerData-2026-03-14T17-16-30.json"
    static let serverExport = "playerdata-export-974318870057848842-2026-04-05T17-59-09-745Z.json"
    /// The guild of `serverExport`, also present in `wholeFile`.
    static let exportGuildID = "974318870057848842"

    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["CASTBOT_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override).appendingPathComponent("fixtures/castbot")
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { break }
            folder = folder.deletingLastPathComponent()
        }
        return folder.deletingLastPathComponent().appendingPathComponent("shared/fixtures/castbot")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
