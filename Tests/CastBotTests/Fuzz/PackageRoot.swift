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

    /// Discord's documented payloads saved for the DiscordModels tests.
    static var discordFixtures: String? {
        path().map { "\($0)/Tests/DiscordModelsTests/Fixtures" }
    }
}
