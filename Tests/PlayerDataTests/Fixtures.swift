import Foundation

/// Locates the shared folder (real CastBot fixtures) and this target's expected outputs.
enum Fixtures {
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
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }

    static var castbotDirectory: URL {
        sharedDirectory.appendingPathComponent("fixtures/castbot")
    }

    static var expectedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")
    }

    static let wholeFile = "playerData-2026-03-14T17-16-30.json"
    static let devCrashRestore = "playerData-DevCrashRestore.json"
    static let serverExport = "playerdata-export-974318870057848842-2026-04-05T17-59-09-745Z.json"
    static let wiped = "playerData.json.WIPED-2025-09-30"
    static let rejected = "playerData.json.REJECTED"

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: castbotDirectory.appendingPathComponent(name)))
    }
}
