import CastBotTestSupport
import DiscordModels
@testable import CastBot
import Logging
import Testing

/// Feeds payloads straight to a handler, reading the envelope the way the server does.
enum RouterHarness {
    static func context(for body: [UInt8]) throws -> InteractionContext {
        let envelope = try #require(InteractionEnvelope.decode(from: body))
        return InteractionContext(envelope: envelope, logger: Logger.quiet("castbot.test"))
    }

    static func send(_ body: [UInt8], to handler: some InteractionHandler) async throws -> InteractionReply {
        await handler.handle(body, context: try context(for: body))
    }
}

extension InteractionReply {
    /// The reply's callback type and `data` object, failing the test for error replies.
    func callback() throws -> (type: Int, data: [String: Any]?) {
        guard case .response(let response) = content else {
            Issue.record("expected a callback reply, got \(content)")
            throw ReplyIsNotACallback()
        }
        // As Discord reads it: the HTTP body.
        let body = try JSON.object(httpBody)
        return (response.type.rawValue, body["data"] as? [String: Any])
    }
}

struct ReplyIsNotACallback: Error {}
