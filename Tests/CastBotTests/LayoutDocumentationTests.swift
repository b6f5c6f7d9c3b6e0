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

    /// `public` opening a declaration (attributes may come first), not the word in a text.
    static var publicDeclaration: Regex<(Substring, Substring?, Substring?, Substring)> {
        /^\s*(@\w+(\([^)]*\))?\s+)*public\s+(import|struct|class|enum|protocol|actor|func|var|let|init|static|extension|typealias|final|subscript|nonisolated|mutating|convenience|required|override|indirect|lazy|private\(set\)|internal\(set\))\b/
    }

    @Test("No declaration under Sources/ is public: every target is this package's own, so package is the widest any needs")
    func nothingPublic() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.contains("public "), line.contains(Self.publicDeclaration) { offenders.append("\(file):\(number + 1)") }
            }
        }
        #expect(offenders.isEmpty, "public declarations: \(offenders.prefix(10))")
    }
}
