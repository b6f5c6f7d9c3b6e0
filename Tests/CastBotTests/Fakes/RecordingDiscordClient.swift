import CastBotTestSupport
import DiscordModels
import DiscordREST
import Foundation
import Scheduling
import Synchronization

/// A `DiscordClient` that plays a small Discord in memory (channels' webhooks, messages, DMs),
/// records every request it was sent, and fails requests on a script.
final class RecordingDiscordClient: DiscordClient, Sendable {
    struct Recorded: Sendable {
        var request: DiscordRequest
        /// The route template, e.g. `POST /channels/{channel.id}/webhooks`.
        var template: String
        var succeeded: Bool
    }

    struct PostedMessage: Sendable {
        var channelID: String
        var webhookID: String?
        var payload: MessagePayload
        var files: [DiscordFile]
    }

    private struct Failure: Sendable {
        var template: String
        var error: DiscordHTTPError
        var remaining: Int?
    }

    private struct World: Sendable {
        var requests: [Recorded] = []
        var webhooks: [Webhook] = []
        var messages: [PostedMessage] = []
        var dms: [(userID: String, content: String)] = []
        var dmChannels: [String: String] = [:]
        var failures: [Failure] = []
        var nextID: UInt64 = 1_400_000_000_000_000_000
        /// Uploaded files by the CDN URL the fake handed out, served back by `download`.
        var stored: [String: Data] = [:]
    }

    static let applicationID = Snowflake("1100000000000000001")!
    static let createWebhook = "POST /channels/{channel.id}/webhooks"
    static let listWebhooks = "GET /channels/{channel.id}/webhooks"
    static let executeWebhook = "POST /webhooks/{webhook.id}/{webhook.token}"
    static let deleteWebhook = "DELETE /webhooks/{webhook.id}"
    static let createDM = "POST /users/@me/channels"
    static let createMessage = "POST /channels/{channel.id}/messages"

    private let world = Mutex(World())
    private let changed = WakeSignal()

    // MARK: Script

    /// The next `times` requests on `template` fail with `error` (nil = every one).
    func fail(_ template: String, with error: DiscordHTTPError, times: Int? = 1) {
        world.withLock { $0.failures.append(Failure(template: template, error: error, remaining: times)) }
    }

    static func error(_ status: Int, _ code: DiscordJSONErrorCode, _ message: String, route: String) -> DiscordHTTPError {
        .status(status, code: code, message: message, route: route)
    }

    /// A webhook someone else (or an earlier run) left in the channel.
    func addWebhook(channelID: String, name: String, applicationID: Snowflake?) {
        world.withLock { world in
            let id = Snowflake(world.nextID)
            world.nextID += 1
            world.webhooks.append(
                Webhook(id: id, type: .incoming, channelID: Snowflake(channelID), name: name, token: "t\(id)", applicationID: applicationID))
        }
    }

    // MARK: Inspection

    /// Returns true once `condition` holds, checked after each request the fake answers; false
    /// if the test is cancelled first.
    func waitUntil(_ condition: (RecordingDiscordClient) -> Bool) async -> Bool {
        await changed.wait(until: { condition(self) })
    }

    var requests: [Recorded] { world.withLock { $0.requests } }
    func requests(_ template: String) -> [Recorded] { requests.filter { $0.template == template } }
    var messages: [PostedMessage] { world.withLock { $0.messages } }
    var directMessages: [(userID: String, content: String)] { world.withLock { $0.dms } }
    func webhooks(inChannel channelID: String) -> [Webhook] {
        world.withLock { $0.webhooks.filter { $0.channelID?.rawValue == channelID } }
    }

    // MARK: DiscordClient

    func send(_ request: DiscordRequest) async throws -> DiscordResponse {
        let template = "\(request.route.method.rawValue) \(request.route.template)"
        let outcome: Result<Data, DiscordHTTPError> = world.withLock { world in
            if let index = world.failures.firstIndex(where: { $0.template == template && $0.remaining != 0 }) {
                let error = world.failures[index].error
                if let remaining = world.failures[index].remaining { world.failures[index].remaining = remaining - 1 }
                world.requests.append(Recorded(request: request, template: template, succeeded: false))
                return .failure(error)
            }
            let result = Self.handle(request, template: template, world: &world)
            world.requests.append(Recorded(request: request, template: template, succeeded: (try? result.get()) != nil))
            return result
        }
        changed.signal()
        return DiscordResponse(status: 200, body: try outcome.get())
    }

    /// Serves what was uploaded through the fake, as Discord's CDN does; anything else is refused.
    func download(from url: String, maxBytes: Int) async throws -> Data {
        guard let data = world.withLock({ $0.stored[url] }) else {
            throw DiscordHTTPError(kind: .downloadHostNotAllowed(url), route: "GET \(url)")
        }
        guard data.count <= maxBytes else {
            throw DiscordHTTPError(kind: .responseTooLarge(limit: maxBytes), route: "GET cdn.discordapp.com")
        }
        return data
    }

    // MARK: The in-memory Discord

    private static func handle(_ request: DiscordRequest, template: String, world: inout World) -> Result<Data, DiscordHTTPError> {
        let route = "\(request.route)"
        func id(_ label: String) -> String? {
            request.route.parameters.lazy.compactMap { parameter -> String? in
                switch (parameter, label) {
                case (.channel(let id), "channel"), (.webhook(let id), "webhook"): id.rawValue
                case (.webhookToken(let token), "token"): token
                default: nil
                }
            }.first
        }
        func newID() -> Snowflake {
            defer { world.nextID += 1 }
            return Snowflake(world.nextID)
        }
        switch template {
        case listWebhooks:
            let channel = id("channel")
            return encode(world.webhooks.filter { $0.channelID?.rawValue == channel })
        case createWebhook:
            let webhook = Webhook(
                id: newID(), type: .incoming, channelID: id("channel").flatMap { Snowflake($0) }, name: TemporaryWebhookName.value,
                token: "token-\(world.nextID)", applicationID: applicationID)
            world.webhooks.append(webhook)
            return encode(webhook)
        case executeWebhook:
            guard let webhook = world.webhooks.first(where: { $0.id.rawValue == id("webhook") && $0.token == id("token") }) else {
                return .failure(error(404, .unknownWebhook, "Unknown Webhook", route: route))
            }
            let (payload, files) = decodeMessage(request.body)
            let channel = webhook.channelID?.rawValue ?? ""
            world.messages.append(PostedMessage(channelID: channel, webhookID: webhook.id.rawValue, payload: payload, files: files))
            var attachments: [Attachment] = []
            for file in files {
                let attachmentID = newID()
                let url = "https://cdn.discordapp.com/attachments/\(channel)/\(attachmentID)/\(file.filename)?ex=0&is=0&hm=0&"
                world.stored[url] = file.data
                attachments.append(Attachment(id: attachmentID, filename: file.filename, size: file.data.count, url: url))
            }
            return encode(
                Message(
                    id: newID(), channelID: webhook.channelID ?? newID(), content: payload.content, attachments: attachments,
                    webhookID: webhook.id, applicationID: webhook.applicationID))
        case deleteWebhook:
            guard let index = world.webhooks.firstIndex(where: { $0.id.rawValue == id("webhook") }) else {
                return .failure(error(404, .unknownWebhook, "Unknown Webhook", route: route))
            }
            world.webhooks.remove(at: index)
            return .success(Data())
        case createDM:
            let body = (try? request.jsonBody()) ?? [:]
            let user = body["recipient_id"] as? String ?? ""
            let channel = world.dmChannels[user] ?? newID().rawValue
            world.dmChannels[user] = channel
            return encode(Channel(id: Snowflake(channel) ?? newID(), type: .dm))
        case createMessage:
            let channel = id("channel") ?? ""
            let (payload, files) = decodeMessage(request.body)
            if let user = world.dmChannels.first(where: { $0.value == channel })?.key {
                world.dms.append((user, payload.content ?? ""))
            } else {
                world.messages.append(PostedMessage(channelID: channel, webhookID: nil, payload: payload, files: files))
            }
            return encode(Message(id: newID(), channelID: Snowflake(channel) ?? newID(), content: payload.content))
        default:
            return .failure(DiscordHTTPError(kind: .invalidRequest("the fake has no route \(template)"), route: route))
        }
    }

    private static func decodeMessage(_ body: DiscordRequest.Body) -> (MessagePayload, [DiscordFile]) {
        switch body {
        case .json(let data):
            return ((try? JSONDecoder().decode(MessagePayload.self, from: data)) ?? MessagePayload(), [])
        case .multipart(let payloadJSON, let files):
            let payload = payloadJSON.flatMap { try? JSONDecoder().decode(MessagePayload.self, from: $0) } ?? MessagePayload()
            return (payload, files)
        case .none:
            return (MessagePayload(), [])
        }
    }

    private static func encode(_ value: some Encodable) -> Result<Data, DiscordHTTPError> {
        do {
            return .success(try JSONEncoder().encode(value))
        } catch {
            return .failure(DiscordHTTPError(kind: .invalidResponse("\(error)"), route: "fake"))
        }
    }
}

/// The name the service gives its temporary webhooks.
enum TemporaryWebhookName {
    static let value = "PlayerData Export Scheduler"
}

extension DiscordRequest {
    /// The JSON body as a dictionary (test inspection only).
    func jsonBody() throws -> [String: Any] {
        guard case .json(let data) = body else { return [:] }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
