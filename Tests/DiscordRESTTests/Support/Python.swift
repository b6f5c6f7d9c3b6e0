import CastBotTestSupport
import Foundation

/// Runs Python scripts (an independent implementation to check our output against).
enum Python {
    static let tool = try? ExternalTool.locate("python3", install: "apt-get install -y python3")

    static var isAvailable: Bool { tool != nil }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `arguments`; returns standard output.
    static func run(script: String, arguments: [String]) async throws -> Data {
        guard let tool else { throw Failure(description: "python3 is not installed") }
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(Array(script.utf8), to: "script.py")
        let outcome = try await tool.run([folder.path + "/script.py"] + arguments)
        guard outcome.status == 0 else { throw Failure(description: "python3 exited with \(outcome.status): \(outcome.errors)") }
        return Data(outcome.output.utf8)
    }
}
