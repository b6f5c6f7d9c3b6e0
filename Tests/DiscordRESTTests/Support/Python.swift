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

    /// Runs `script` with `arguments`; returns standard output. The process's output goes to files
    /// (no pipe can fill up and stall it) and its end is awaited through `terminationHandler`, not
    /// by blocking a thread; a cancelled caller (a test over its time limit) terminates it.
    static func run(script: String, arguments: [String]) async throws -> Data {
        guard let executable else { throw Failure(description: "python3 is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("castbot-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("script.py")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorsURL = directory.appendingPathComponent("stderr")
        try Data(script.utf8).write(to: scriptURL)
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorsURL)
        defer {
            try? output.close()
            try? errors.close()
        }

        // Foundation's Process is not Sendable; it is touched only to start it and, on cancellation, to stop it.
        nonisolated(unsafe) let process = Process()
        process.executableURL = executable
        process.arguments = [scriptURL.path] + arguments
        process.standardOutput = output
        process.standardError = errors
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
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
        guard status == 0 else {
            let errorText = String(decoding: (try? Data(contentsOf: errorsURL)) ?? Data(), as: UTF8.self)
            throw Failure(description: "python3 exited with \(status): \(errorText)")
        }
        return try Data(contentsOf: outputURL)
    }
}
