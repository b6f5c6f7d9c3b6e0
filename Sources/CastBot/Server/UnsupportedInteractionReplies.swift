import DiscordModels
import HTTPTypes

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
