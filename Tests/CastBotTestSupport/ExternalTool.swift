import Foundation

/// A program the tests run (promtool, chromium, python3). A missing one fails the test with what
/// to install: these checks are part of `swift test` and never skipped.
public struct ExternalTool: Sendable {
    public let path: String

    /// A program at a known path (a binary this build made, for instance).
    public init(path: String) {
        self.path = path
    }

    /// The `castbot` executable this build made: beside the test bundle (SwiftPM builds every
    /// product before the tests run), or in the package's `.build/debug`.
    public static func castbot() throws -> ExternalTool {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [beside.appendingPathComponent("castbot").path, Fixtures.packageRoot.path + "/.build/debug/castbot"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return ExternalTool(path: candidate)
        }
        throw Missing(description: "the castbot executable was not built: run `swift build` before `swift test --skip-build`")
    }

    public struct Missing: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Finds `name` on PATH (or at one of `alternatives`), or throws naming the package to install.
    public static func locate(_ name: String, alternatives: [String] = [], install: String) throws -> ExternalTool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for candidate in path.split(separator: ":").map({ "\($0)/\(name)" }) + alternatives
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return ExternalTool(path: candidate)
        }
        throw Missing(
            description: "\(name) is not installed, and this test is never skipped: install it with `\(install)` "
                + "(README.md, Testing; .ci/run installs it in CI)")
    }

    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// Runs the tool to its end. Output goes through files, so a chatty tool never blocks on a
    /// full pipe; a cancelled test terminates it. With `environment` the tool gets exactly those
    /// variables (and PATH), not the test process's.
    public func run(
        _ arguments: [String], in directory: String? = nil, input: String? = nil, environment: [String: String]? = nil
    ) async throws -> Outcome {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let paths = (output: folder.path + "/stdout", errors: folder.path + "/stderr")
        _ = FileManager.default.createFile(atPath: paths.output, contents: nil)
        _ = FileManager.default.createFile(atPath: paths.errors, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.output))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.errors))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if var environment {
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            process.environment = environment
        }
        process.standardOutput = output
        process.standardError = errors
        if let input {
            try folder.write(Array(input.utf8), to: "stdin")
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: folder.path + "/stdin"))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { process in continuation.resume(returning: process.terminationStatus) }
                do {
                    try process.run()
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            if process.isRunning { process.terminate() }
        }
        try output.close()
        try errors.close()
        func text(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return Outcome(status: status, output: text(paths.output), errors: text(paths.errors))
    }
}
