import DiscordModels
import Foundation
import HTTPTypes

/// What a handler answers: an interaction response for Discord, or an HTTP error.
package struct InteractionReply: Sendable {
    package enum Content: Sendable {
        /// An interaction response, as DiscordModels describes it.
        case response(InteractionResponse)
        /// An HTTP error with a short `{"error": ...}` body.
        case failure(status: HTTPResponse.Status, message: String)
    }

    package var content: Content
    /// Attachments: a reply with files is always delivered as a follow-up (see `InteractionRouter`).
    package var files: [ReplyFile]
    package var outcome: InteractionOutcome

    package init(content: Content, files: [ReplyFile] = [], outcome: InteractionOutcome) {
        self.content = content
        self.files = files
        self.outcome = outcome
    }

    static let pong = InteractionReply(content: .response(.pong), outcome: .pong)

    /// Answers with `response`.
    package static func response(_ response: InteractionResponse) -> InteractionReply {
        InteractionReply(content: .response(response), outcome: .replied)
    }

    /// A plain text message (type 4), ephemeral unless said otherwise.
    package static func message(_ text: String, ephemeral: Bool = true) -> InteractionReply {
        .response(.message(messagePayload(text, ephemeral: ephemeral)))
    }

    /// "Thinking…" (type 5); the real answer follows through the follow-up sender.
    static func deferredMessage(ephemeral: Bool = true) -> InteractionReply {
        InteractionReply(content: .response(.deferredMessage(ephemeral: ephemeral)), outcome: .deferred)
    }

    package static func failure(_ status: HTTPResponse.Status, _ message: String) -> InteractionReply {
        InteractionReply(content: .failure(status: status, message: message), outcome: .failed)
    }

    func attaching(_ files: [ReplyFile]) -> InteractionReply {
        var copy = self
        copy.files += files
        return copy
    }

    func with(outcome: InteractionOutcome) -> InteractionReply {
        var copy = self
        copy.outcome = outcome
        return copy
    }

    /// `{"content": text, "flags": 64}`: a plain message.
    static func messagePayload(_ text: String, ephemeral: Bool) -> MessagePayload {
        MessagePayload(content: text, flags: ephemeral ? .ephemeral : nil)
    }

    var httpStatus: HTTPResponse.Status {
        switch content {
        case .response: .ok
        case .failure(let status, _): status
        }
    }

    /// The HTTP body sent to Discord.
    var httpBody: [UInt8] {
        switch content {
        case .response(let response):
            // DiscordModels' own types always encode; should one ever not, Discord gets an error
            // answer ("the interaction failed") rather than a malformed one.
            guard let bytes = try? JSONEncoder().encode(response) else {
                return JSONText.error("the reply could not be encoded")
            }
            return Array(bytes)
        case .failure(_, let message):
            return JSONText.error(message)
        }
    }
}

extension InteractionCallbackType {
    /// Whether the response's `data` is a message that can also be sent as a follow-up.
    var carriesMessage: Bool {
        self == .channelMessageWithSource || self == .updateMessage
    }
}

/// A file attached to a reply. Files always travel in a follow-up message (multipart upload),
/// never in the HTTP answer to Discord.
package struct ReplyFile: Sendable, Equatable {
    package var filename: String
    package var contentType: String
    package var bytes: [UInt8]

    package init(filename: String, contentType: String = "application/json", bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// Answers for interactions no handler is registered for, e.g. a button on an old message
/// from a previous version of the bot.
enum UnsupportedInteractionReplies {
    static func reply(for type: InteractionType) -> InteractionReply {
        switch type {
        case .applicationCommandAutocomplete:
            return noSuggestions.with(outcome: .unknownRoute)
        case .applicationCommand:
            return notice("This command is no longer supported. Use /menu to see what CastBot can do.")
        case .modalSubmit:
            return notice("This form is no longer supported. Open it again from /menu.")
        case .messageComponent:
            return notice("This button is no longer supported. Open /menu again for current buttons.")
        default:
            return InteractionReply.failure(.badRequest, "unsupported interaction type \(type.rawValue)")
                .with(outcome: .badRequest)
        }
    }

    /// An empty autocomplete answer: the one reply autocomplete accepts when there is nothing to offer.
    static let noSuggestions = InteractionReply.response(
        InteractionResponse(type: .applicationCommandAutocompleteResult, data: .autocomplete([])))

    private static func notice(_ text: String) -> InteractionReply {
        InteractionReply.message(text, ephemeral: true).with(outcome: .unknownRoute)
    }
}

/// How an interaction request ended; the `outcome` label in logs and metrics.
package enum InteractionOutcome: String, Sendable, CaseIterable {
    case pong
    /// Answered within Discord's deadline with the handler's own reply.
    case replied
    /// Answered "thinking…" (type 5); the result follows through a `FollowUpSender`.
    case deferred
    /// No handler is registered for this command or custom id.
    case unknownRoute = "unknown_route"
    case rejectedSignature = "rejected_signature"
    case tooLarge = "too_large"
    case badRequest = "bad_request"
    /// A handler answered with an error status.
    case failed
}
