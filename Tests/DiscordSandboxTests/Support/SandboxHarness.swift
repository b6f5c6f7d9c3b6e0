import CastBotTestSupport
import AsyncHTTPClient
import Clocks
import DiscordSandbox
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A running sandbox on an ephemeral loopback port with a guild, an `exports` channel and an
/// admin, driven by a test clock, plus a raw HTTP client that talks to it like a Discord client.
struct SandboxHarness {
    static let userAgent = "DiscordBot (https://github.com/castbot, 1.0)"

    let sandbox: DiscordSandbox
    let clock: TestClock<Duration>
    let baseURL: URL
    let guild: SandboxGuild
    let channel: SandboxChannel
    let admin: SandboxUser

    var token: String { sandbox.configuration.botToken }
    var applicationID: String { sandbox.configuration.applicationID }

    /// Runs `body` against a fresh sandbox and always stops it afterwards.
    static func with<T>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxHarness) async throws -> T
    ) async throws -> T {
        let clock = TestClock()
        var logger = Logger.quiet("sandbox-tests")
        logger.logLevel = .warning
        let sandbox = DiscordSandbox(configuration: configuration, clock: clock, logger: logger)
        let baseURL = try await sandbox.start(host: "127.0.0.1", port: 0)
        do {
            let world = try await sandbox.seedDemoWorld()
            let harness = SandboxHarness(
                sandbox: sandbox, clock: clock, baseURL: baseURL, guild: world.guild, channel: world.channel,
                admin: world.admin)
            let result = try await body(harness)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Sends a request to `path` (relative to the base URL, e.g. `/channels/1/webhooks`).
    func send(
        _ method: HTTPMethod, _ path: String, json: SandboxJSON? = nil, body: [UInt8]? = nil,
        contentType: String? = nil, authorization: String? = nil, botAuth: Bool = true,
        userAgent: String? = SandboxHarness.userAgent, headers extraHeaders: [(String, String)] = []
    ) async throws -> RawResponse {
        try await RawClient.send(
            method, url: baseURL.absoluteString + path, json: json, body: body, contentType: contentType,
            authorization: authorization ?? (botAuth ? "Bot \(token)" : nil), userAgent: userAgent,
            headers: extraHeaders)
    }

    /// Creates a webhook in the harness channel and returns its JSON.
    func createWebhook(named name: String = "PlayerData Export Scheduler", in channelID: String? = nil) async throws
        -> SandboxJSON
    {
        let response = try await send(
            .POST, "/channels/\(channelID ?? channel.id)/webhooks", json: ["name": .string(name)])
        guard response.status == 200, let json = response.json else {
            throw HarnessError("creating a webhook answered \(response.status): \(response.text)")
        }
        return json
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An HTTP answer as raw bytes, with helpers for Discord's JSON.
struct RawResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var json: SandboxJSON? { try? SandboxJSON.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first(name: name) }
    var code: Int? { json?["code"]?.intValue }
    /// The first `_errors` entry's code under a path of the 50035 `errors` object.
    func fieldErrorCode(_ path: String...) -> String? {
        var node = json?["errors"]
        for key in path { node = node?[key] }
        return node?["_errors"]?[0]?["code"]?.stringValue
    }
}

enum RawClient {
    static func send(
        _ method: HTTPMethod, url: String, json: SandboxJSON? = nil, body: [UInt8]? = nil, contentType: String? = nil,
        authorization: String? = nil, userAgent: String? = SandboxHarness.userAgent, headers extraHeaders: [(String, String)] = []
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let userAgent { request.headers.add(name: "User-Agent", value: userAgent) }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json.encoded()))
        } else if let body {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 * 1_048_576)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }
}
