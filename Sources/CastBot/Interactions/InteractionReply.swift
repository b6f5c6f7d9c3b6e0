public import DiscordModels
public import Foundation
public import HTTPTypes

/// What a handler answers: an interaction response for Discord, or an HTTP error.
public struct InteractionReply: Sendable {
    public enum Content: Sendable {
        /// An interaction response; `data` is the raw JSON of its `data` object, if any.
        case callback(type: InteractionCallbackType, data: [UInt8]?)
        /// An HTTP error with a short `{"error": ...}` body.
        case failure(status: HTTPResponse.Status, message: String)
    }

    public var content: Content
    /// Attachments: a reply with files is always delivered as a follow-up (see `InteractionRouter`).
    public var files: [ReplyFile]
    public var outcome: InteractionOutcome

    public init(content: Content, files: [ReplyFile] = [], outcome: InteractionOutcome) {
        self.content = content
        self.files = files
        self.outcome = outcome
    }

    static let pong = InteractionReply(content: .callback(type: .pong, data: nil), outcome: .pong)

    /// A response with raw `data` JSON (e.g. encoded by DiscordModels).
    public static func callback(_ type: InteractionCallbackType, data: [UInt8]?) -> InteractionReply {
        InteractionReply(content: .callback(type: type, data: data), outcome: .replied)
    }

    /// A response whose `data` is `value` encoded as JSON.
    public static func callback(
        _ type: InteractionCallbackType,
        encoding value: some Encodable,
        encoder: JSONEncoder = JSONEncoder()
    ) throws -> InteractionReply {
        .callback(type, data: Array(try encoder.encode(value)))
    }

    /// A plain text message (type 4), ephemeral unless said otherwise.
    public static func message(_ text: String, ephemeral: Bool = true) -> InteractionReply {
        .callback(.channelMessageWithSource, data: messageData(text, ephemeral: ephemeral))
    }

    /// "Thinking…" (type 5); the real answer follows through the follow-up sender.
    static func deferredMessage(ephemeral: Bool = true) -> InteractionReply {
        let data: [UInt8]? = ephemeral ? Array("{\"flags\":\(MessageFlags.ephemeral.rawValue)}".utf8) : nil
        return InteractionReply(content: .callback(type: .deferredChannelMessageWithSource, data: data), outcome: .deferred)
    }

    public static func failure(_ status: HTTPResponse.Status, _ message: String) -> InteractionReply {
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

    /// `{"content": text, "flags": 64}` — the `data` of a plain message.
    static func messageData(_ text: String, ephemeral: Bool) -> [UInt8] {
        let flags = ephemeral ? ",\"flags\":\(MessageFlags.ephemeral.rawValue)" : ""
        return Array("{\"content\":\(JSONText.string(text))\(flags)}".utf8)
    }

    var httpStatus: HTTPResponse.Status {
        switch content {
        case .callback: .ok
        case .failure(let status, _): status
        }
    }

    /// The HTTP body sent to Discord.
    var httpBody: [UInt8] {
        switch content {
        case .callback(let type, let data):
            guard let data else { return Array("{\"type\":\(type.rawValue)}".utf8) }
            return Array("{\"type\":\(type.rawValue),\"data\":".utf8) + data + Array("}".utf8)
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
public struct ReplyFile: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String = "application/json", bytes: [UInt8]) {
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
    static let noSuggestions = InteractionReply.callback(.applicationCommandAutocompleteResult, data: Array("{\"choices\":[]}".utf8))

    private static func notice(_ text: String) -> InteractionReply {
        InteractionReply.message(text, ephemeral: true).with(outcome: .unknownRoute)
    }
}
