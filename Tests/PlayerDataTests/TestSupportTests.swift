import CastBotTestSupport
import Foundation
import Testing

/// What every test relies on: missing fixtures are named in one line, and test folders do not
/// outlive the test process.
@Suite("Test support: fixtures and temporary folders", .timeLimit(.minutes(1)))
struct TestSupportTests {
    @Test("a missing fixture fails in one line naming CASTBOT_SHARED_DIR")
    func missingFixture() throws {
        let nowhere = URL(fileURLWithPath: "/nonexistent/fixtures/castbot")
        let error = #expect(throws: Fixtures.Missing.self) { try Fixtures.path(Fixtures.wholeFile, in: nowhere) }
        let text = error?.description ?? ""
        #expect(text.contains("CASTBOT_SHARED_DIR") && text.contains(Fixtures.wholeFile) && text.contains(nowhere.path), "\(text)")
        #expect(!text.contains("\n"))
        #expect(try Fixtures.path(Fixtures.wholeFile).hasSuffix("fixtures/castbot/\(Fixtures.wholeFile)"))
    }

    @Test("test folders live in the process's one folder under the temp dir")
    func oneFolderPerProcess() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
        }
        let root = try TestScratch.root()
        #expect(URL(fileURLWithPath: root).deletingLastPathComponent().path == FileManager.default.temporaryDirectory.path)
        #expect(URL(fileURLWithPath: root).lastPathComponent.hasPrefix("castbot-testrun-\(getpid())-"))
        #expect(first.path.hasPrefix(root + "/") && second.path.hasPrefix(root + "/") && first.path != second.path)
    }

    @Test("the folder of a test process that no longer runs is removed; a running one's is kept")
    func leftoversSwept() throws {
        let parent = try TemporaryDirectory()
        defer { parent.remove() }
        // A process that has exited (and was reaped): its pid is free.
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = "castbot-testrun-\(exited.processIdentifier)-0000"
        let alive = "castbot-testrun-1-0000"  // init always runs
        let other = "castbot-tests-\(exited.processIdentifier)"
        for name in [dead, alive, other] {
            try FileManager.default.createDirectory(atPath: "\(parent.path)/\(name)/inner", withIntermediateDirectories: true)
        }
        TestScratch.sweepLeftovers(in: parent.path)
        #expect(try parent.contents() == [other, alive].sorted())
    }
}
