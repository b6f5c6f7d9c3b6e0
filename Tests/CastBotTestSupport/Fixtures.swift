import Foundation

/// The real CastBot data files in the shared folder: `$CASTBOT_SHARED_DIR`, or `../shared`
/// beside the package root (CI clones the repository with a copy of `shared/` beside it).
public enum Fixtures {
    public static let wholeFile = "playerData-2026-03-14T17-16-30.json"
    public static let devCrashRestore = "playerData-DevCrashRestore.json"
    public static let serverExport = "playerdata-export-974318870057848842-2026-04-05T17-59-09-745Z.json"
    public static let wiped = "playerData.json.WIPED-2025-09-30"
    public static let rejected = "playerData.json.REJECTED"
    /// The guild of `serverExport`, also present in `wholeFile`.
    public static let exportGuildID = "974318870057848842"
    /// Another guild of the whole file with players.
    public static let guildID = "1127596863885934652"

    public static var sharedDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["CASTBOT_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The folder holding Package.swift, found above this file.
    public static var packageRoot: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return directory
    }

    public static var castbotDirectory: URL {
        sharedDirectory.appendingPathComponent("fixtures/castbot")
    }

    /// The path of the data file `name`; throws one line naming `CASTBOT_SHARED_DIR` when it is not there.
    public static func path(_ name: String, in directory: URL = castbotDirectory) throws -> String {
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Missing(
                description: "the CastBot data file \(name) is not in \(directory.path): put the shared/ folder beside the "
                    + "package or set CASTBOT_SHARED_DIR to the folder holding fixtures/castbot (README.md, Tests)")
        }
        return path
    }

    public static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: try path(name))))
    }

    /// A data file the tests need is not there.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }
}
