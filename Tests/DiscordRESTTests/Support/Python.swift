import Foundation

/// Runs Python scripts (an independent implementation to check our output against).
enum Python {
    /// The python3 executable on PATH, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { executable != nil }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `arguments` on a thread outside Swift's cooperative pool (waiting for a
    /// process blocks); returns standard output.
    static func run(script: String, arguments: [String]) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(script: script, arguments: arguments) })
            }
        }
    }

    private static func runBlocking(script: String, arguments: [String]) throws -> Data {
        guard let executable else { throw Failure(description: "python3 is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("script.py")
        try Data(script.utf8).write(to: scriptURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = [scriptURL.path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited with \(process.terminationStatus): \(errorText)")
        }
        return data
    }
}
