/// The answer to an interaction: returned as the HTTP response body of the interactions endpoint,
/// or sent to the interaction callback endpoint.
package struct InteractionResponse: Sendable, Hashable, Codable {
    package var type: InteractionCallbackType
    package var data: CallbackData?

    package enum CallbackData: Sendable, Hashable {
        case message(MessagePayload)
        case modal(ModalPayload)
        case autocomplete([ApplicationCommandOptionChoice])
    }

    package init(type: InteractionCallbackType, data: CallbackData? = nil) {
        self.type = type
        self.data = data
    }

    /// Acknowledges a PING.
    package static let pong = InteractionResponse(type: .pong)

    /// Replies with a message.
    package static func message(_ payload: MessagePayload) -> InteractionResponse {
        InteractionResponse(type: .channelMessageWithSource, data: .message(payload))
    }

    /// Acknowledges now and shows a loading state; the reply comes later (edit original or follow-up).
    /// Only the ephemeral flag may be set here.
    package static func deferredMessage(ephemeral: Bool) -> InteractionResponse {
        InteractionResponse(
            type: .deferredChannelMessageWithSource,
            data: ephemeral ? .message(MessagePayload(flags: .ephemeral)) : nil
        )
    }

    /// For components: acknowledges without a loading state; the message is edited later.
    package static let deferredUpdate = InteractionResponse(type: .deferredUpdateMessage)

    /// For components: edits the message the component is attached to.
    package static func updateMessage(_ payload: MessagePayload) -> InteractionResponse {
        InteractionResponse(type: .updateMessage, data: .message(payload))
    }

    /// Opens a modal.
    package static func modal(_ payload: ModalPayload) -> InteractionResponse {
        InteractionResponse(type: .modal, data: .modal(payload))
    }

    enum CodingKeys: String, CodingKey {
        case type, data
    }

    enum AutocompleteKeys: String, CodingKey {
        case choices
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(InteractionCallbackType.self, forKey: .type)
        guard container.contains(.data), !(try container.decodeNil(forKey: .data)) else {
            data = nil
            return
        }
        switch type {
        case .modal:
            data = .modal(try container.decode(ModalPayload.self, forKey: .data))
        case .applicationCommandAutocompleteResult:
            let choices = try container.nestedContainer(keyedBy: AutocompleteKeys.self, forKey: .data)
            data = .autocomplete(try choices.decode([ApplicationCommandOptionChoice].self, forKey: .choices))
        default:
            data = .message(try container.decode(MessagePayload.self, forKey: .data))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch data {
        case .none:
            break
        case .message(let payload):
            try container.encode(payload, forKey: .data)
        case .modal(let payload):
            try container.encode(payload, forKey: .data)
        case .autocomplete(let choices):
            var nested = container.nestedContainer(keyedBy: AutocompleteKeys.self, forKey: .data)
            try nested.encode(choices, forKey: .choices)
        }
    }
}
