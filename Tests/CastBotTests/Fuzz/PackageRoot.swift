import Foundation

/// Folders of the package checkout, found from this file's location.
enum PackageRoot {
    /// The folder holding Package.swift.
    static func path(from file: String = #filePath) -> String? {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// The shared folder beside the checkout (`CASTBOT_SHARED_DIR` overrides it).
    static var sharedDirectory: String? {
        if let override = ProcessInfo.processInfo.environment["CASTBOT_SHARED_DIR"], !override.isEmpty { return override }
        return path().map { "\($0)/../shared" }
    }

    /// The real CastBot data file the benches read.
    static var castBotDataFile: String? {
        sharedDirectory.map { "\($0)/fixtures/castbot/playerData-2026-03-14T17-16-30.json" }
    }

    /// Discord's documented payloads saved for the DiscordModels tests.
    static var discordFixtures: String? {
        path().map { "\($0)/Tests/DiscordModelsTests/Fixtures" }
    }
}
