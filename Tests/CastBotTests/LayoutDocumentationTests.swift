import Foundation
import Testing

/// README's layout tables name every target and every folder of `CastBot`, so a newcomer's map
/// matches the tree.
@Suite("README's layout matches the tree", .timeLimit(.minutes(1)))
struct LayoutDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folders(_ path: String) throws -> [String] {
        let url = root.appendingPathComponent(path)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    @Test("Every target under Sources/ and every folder of CastBot has a row")
    func everyFolderListed() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let layout = try #require(readme.range(of: "## Layout")).upperBound
        let tables = String(readme[layout...])
        for target in try Self.folders("Sources") {
            #expect(tables.contains("`\(target)`"), "README's layout does not name the target \(target)")
        }
        for folder in try Self.folders("Sources/CastBot") where folder != "Features" {
            #expect(tables.contains("`\(folder)/`"), "README's layout does not name CastBot's folder \(folder)/")
        }
        for feature in try Self.folders("Sources/CastBot/Features") {
            #expect(tables.contains("`Features/\(feature)`"), "README's layout does not name Features/\(feature)")
        }
    }
}
