import CastBot
import Logging
import Testing

/// Feeds payloads straight to a handler, reading the envelope the way the server does.
enum RouterHarness {
    static func context(for body: [UInt8]) throws -> InteractionContext {
        let json = try JSON.object(body)
        let data = json["data"] as? [String: Any]
        let member = json["member"] as? [String: Any]
        let envelope = InteractionEnvelope(
            type: InteractionType(rawValue: try #require(json["type"] as? Int)),
            id: json["id"] as? String,
            applicationID: json["application_id"] as? String,
            token: json["token"] as? String,
            guildID: json["guild_id"] as? String,
            channelID: json["channel_id"] as? String,
            userID: (member?["user"] as? [String: Any])?["id"] as? String,
            commandName: data?["name"] as? String,
            customID: data?["custom_id"] as? String
        )
        return InteractionContext(envelope: envelope, logger: Logger(label: "castbot.test"))
    }

    static func send(_ body: [UInt8], to handler: some InteractionHandler) async throws -> InteractionReply {
        await handler.handle(body, context: try context(for: body))
    }
}

extension InteractionReply {
    /// The reply's callback type and `data` object, failing the test for error replies.
    func callback() throws -> (type: Int, data: [String: Any]?) {
        guard case .callback(let type, let data) = content else {
            Issue.record("expected a callback reply, got \(content)")
            throw ReplyIsNotACallback()
        }
        return (type.rawValue, try data.map { try JSON.object($0) })
    }
}

struct ReplyIsNotACallback: Error {}
