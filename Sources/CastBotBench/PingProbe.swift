import AsyncHTTPClient
import DiscordSandbox
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends signed PINGs the way Discord does, one at a time over a kept-alive connection, and
/// records how each went: latency when answered 200, else 503 or a failure.
final class PingProbe: Sendable {
    private let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let client: HTTPClient
    private let url: URL
    private let signer: DiscordSandbox
    private static let body = Array(#"{"id":"1400000000000000001","application_id":"1100000000000000001","type":1,"version":1}"#.utf8)

    init(url: URL, signer: DiscordSandbox) throws {
        self.url = url
        self.signer = signer
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 1)
        // Its own event loop, so the probe's I/O does not queue behind the slow clients'.
        client = HTTPClient(eventLoopGroup: loops, configuration: configuration)
    }

    enum Outcome {
        case answered(Duration)
        case turnedAway
        case failed
    }

    /// A PING signed now: the bot refuses signatures whose timestamp is too old, as Discord's
    /// own requests never are.
    private func signedRequest() throws -> HTTPClientRequest {
        let timestamp = String(Int(Date().timeIntervalSince1970))
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Signature-Ed25519", value: try signer.signature(for: Self.body, timestamp: timestamp))
        request.headers.add(name: "X-Signature-Timestamp", value: timestamp)
        request.body = .bytes(ByteBuffer(bytes: Self.body))
        return request
    }

    func pingOnce() async -> Outcome {
        guard let request = try? signedRequest() else { return .failed }
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await client.execute(request, timeout: .seconds(5))
            _ = try await response.body.collect(upTo: 1 << 16)
            switch response.status {
            case .ok: return .answered(started.duration(to: clock.now))
            case .serviceUnavailable: return .turnedAway
            default: return .failed
            }
        } catch {
            return .failed
        }
    }

    /// PINGs every `interval` until cancelled.
    func run(every interval: Duration) async -> PingResults {
        var result = PingResults()
        while !Task.isCancelled {
            switch await pingOnce() {
            case .answered(let latency): result.answered.append(latency)
            case .turnedAway: result.turnedAway += 1
            case .failed: if !Task.isCancelled { result.failed += 1 }
            }
            try? await Task.sleep(for: interval)
        }
        return result
    }

    func shutdown() async throws {
        try await client.shutdown()
        try await loops.shutdownGracefully()
    }
}

/// How the PINGs sent during a bench went.
package struct PingResults: Sendable, CustomStringConvertible {
    /// Latencies of the PINGs answered 200.
    package var answered: [Duration] = []
    package var turnedAway = 0
    package var failed = 0

    package var description: String {
        "\(answered.count) answered (\(LatencySummary(answered))), \(turnedAway) answered 503, \(failed) failed"
    }
}
