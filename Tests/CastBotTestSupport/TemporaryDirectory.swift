import Foundation

/// A fresh folder for one test, removed by `remove()`, and in any case with every other test
/// folder of the process when the process exits: they all live in one folder of the process's own
/// under the system temp dir (`castbot-testrun-PID-…`), so a test that forgets `remove()` or fails
/// half way leaves nothing behind. A folder left by a process that was killed is removed by the
/// next test process.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init() throws {
        let url = URL(fileURLWithPath: try TestScratch.root()).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    public func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
    }

    public func read(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)")))
    }

    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(path)/\(name)")
    }

    /// The names in `subfolder` (or the folder itself), sorted; throws if it cannot be listed.
    public func contents(of subfolder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subfolder.isEmpty ? path : "\(path)/\(subfolder)").sorted()
    }

    /// The names in `subfolder`, sorted; empty when it does not exist.
    public func files(in subfolder: String) -> [String] {
        (try? contents(of: subfolder)) ?? []
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The process's one folder for test files: made on first use, removed at exit.
public enum TestScratch {
    static let prefix = "castbot-testrun-"

    private static let made: Result<String, any Error> = Result {
        let temporary = FileManager.default.temporaryDirectory
        sweepLeftovers(in: temporary.path)
        let url = temporary.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { TestScratch.removeAtExit() }
        return url.path
    }

    /// The folder, made (and its removal at exit arranged) on first use.
    public static func root() throws -> String {
        try made.get()
    }

    private static func removeAtExit() {
        if case .success(let path) = made { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes the folders of test processes that no longer run (killed before their exit).
    public static func sweepLeftovers(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
        }
    }
}
