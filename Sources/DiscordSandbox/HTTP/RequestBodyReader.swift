import Hummingbird
import NIOCore

/// Reads a request body up to a limit. Oversized bodies are drained and dropped so the
/// connection stays usable for the 413 answer.
enum RequestBodyReader {
    enum Outcome: Sendable {
        case complete([UInt8])
        case tooLarge
    }

    static func read(_ body: RequestBody, limit: Int) async throws -> Outcome {
        var collected = ByteBuffer()
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            if total <= limit {
                var chunk = chunk
                collected.writeBuffer(&chunk)
            }
        }
        guard total <= limit else { return .tooLarge }
        return .complete(collected.readBytes(length: collected.readableBytes) ?? [])
    }
}
