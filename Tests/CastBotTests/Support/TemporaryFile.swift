import Foundation

/// A file in a fresh temporary folder, removed when the value is deinitialised.
final class TemporaryFile {
    let path: String
    private let folder: URL

    init(contents: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("castbot.env")
        try Data(contents.utf8).write(to: url)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}
