import DiscordModels
import Foundation

/// Turns DiscordModels payloads into the router's replies. Encoding our own payloads cannot
/// reasonably fail; if it ever does, the user gets a short notice instead of a broken reply.
enum UIReply {
    /// An ephemeral plain-text message (type 4, flags 64).
    static func notice(_ text: String) -> InteractionReply {
        .message(text, ephemeral: true)
    }

    /// An ephemeral Components V2 message (flags 64 | 32768): a new message, or (`update`) an
    /// edit of the message the clicked component belongs to, which keeps its own visibility
    /// (an edit may only carry the Components V2 flag).
    static func componentsV2(_ components: [Component], update: Bool = false) -> InteractionReply {
        let flags: DiscordModels.MessageFlags = update ? [.isComponentsV2] : [.ephemeral, .isComponentsV2]
        let payload = MessagePayload(flags: flags, components: components)
        return encoded(update ? .updateMessage : .channelMessageWithSource, payload)
    }

    static func modal(_ payload: ModalPayload) -> InteractionReply {
        encoded(.modal, payload)
    }

    private static func encoded(_ type: InteractionCallbackType, _ value: some Encodable) -> InteractionReply {
        do {
            return try InteractionReply.callback(type, encoding: value)
        } catch {
            return notice("Something went wrong while preparing this reply. Please try again.")
        }
    }
}
