import CastBot
import AsyncHTTPClient
import DiscordSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to a running sandbox's control API (`/sandbox/...`) from another process.
package struct SandboxControlClient: Sendable {
    /// `http://127.0.0.1:8090/sandbox`.
    package let controlURL: String
    let httpClient: HTTPClient
    let timeout: TimeAmount

    package init(controlURL: String, httpClient: HTTPClient = .shared, timeout: TimeAmount = .seconds(60)) {
        var url = controlURL
        while url.hasSuffix("/") { url.removeLast() }
        self.controlURL = url
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Runs `body` with a client for a command line: when nothing listens at `controlURL` the first
    /// request fails at once (no retrying the connection until the timeout).
    package static func withCommandLineClient<Result: Sendable>(
        controlURL: String, _ body: (SandboxControlClient) async throws -> Result
    ) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let result = try await body(SandboxControlClient(controlURL: controlURL, httpClient: httpClient))
            try await httpClient.shutdown()
            return result
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
    }

    package func get(_ path: String) async throws -> SandboxJSON {
        try await send(.GET, path, body: nil)
    }

    package func post(_ path: String, _ body: SandboxJSON) async throws -> SandboxJSON {
        try await send(.POST, path, body: body)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: SandboxJSON?) async throws -> SandboxJSON {
        var request = HTTPClientRequest(url: controlURL + path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.encoded()))
        }
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: timeout)
        } catch {
            throw SandboxDriverError(
                "nothing answers at \(controlURL) (the sandbox's control API). Is `castbot serve` running in sandbox mode "
                    + "(DISCORD_TOKEN unset)? Set CASTBOT_SANDBOX_PORT or --sandbox-url if it listens elsewhere.")
        }
        let bytes = Array(buffer: try await response.body.collect(upTo: 64 * 1_048_576))
        let json = (try? SandboxJSON.parse(bytes)) ?? .null
        guard (200..<300).contains(Int(response.status.code)) else {
            let reason = json["error"]?.stringValue ?? String(decoding: bytes.prefix(300), as: UTF8.self)
            throw SandboxDriverError("the sandbox answered \(response.status.code) to \(method.rawValue) \(path): \(reason)")
        }
        return json
    }
}

/// Something the sandbox command could not do; the description says what and why.
package struct SandboxDriverError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
