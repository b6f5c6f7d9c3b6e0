import CastBotTestSupport
import Foundation

/// A file in a fresh temporary folder, removed when the value is deinitialised.
final class TemporaryFile {
    let path: String
    private let folder: TemporaryDirectory

    init(contents: String) throws {
        folder = try TemporaryDirectory()
        try folder.write(Array(contents.utf8), to: "castbot.env")
        path = folder.path + "/castbot.env"
    }

    deinit {
        folder.remove()
    }
}
