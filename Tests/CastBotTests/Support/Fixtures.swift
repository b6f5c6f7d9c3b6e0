import Foundation

/// The real CastBot data files in the shared folder.
enum Fixtures {
    static let wholeFile = "playerData-2026-03-14T17-16-30.json"
    static let wiped = "playerData.json.WIPED-2025-09-30"
    /// A guild of the whole file with players.
    static let guildID = "1127596863885934652"

    /// `$CASTBOT_SHARED_DIR`, or `../shared` beside the package root found above this file.
    static var sharedDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["CASTBOT_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var packageRoot: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: sharedDirectory.appendingPathComponent("fixtures/castbot/\(name)")))
    }
}
