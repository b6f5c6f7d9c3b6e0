import Logging

/// Runs a handler body with the checks every player data handler shares: the body decodes once,
/// a `Refusal` becomes its ephemeral message, and any other error is logged and answered with a
/// short notice, so no input can crash a handler or leave the user without an answer.
enum GuardedHandler {
    static let unreadableNotice = "Discord sent something this bot could not read. Please try again."
    static let failureNotice = "Something went wrong while handling this. Please try again; if it keeps happening, tell the bot's operator."

    static func run(
        _ routed: RoutedInteraction,
        _ body: (PlayerDataInteraction) async throws -> InteractionReply
    ) async -> InteractionReply {
        guard let interaction = PlayerDataInteraction(routed) else {
            routed.logger.warning("interaction body could not be decoded")
            return UIReply.notice(unreadableNotice)
        }
        do {
            return try await body(interaction)
        } catch let refusal as Refusal {
            return UIReply.notice(refusal.message)
        } catch {
            routed.logger.error("player data handler failed", metadata: ["error": "\(error)"])
            return UIReply.notice(failureNotice)
        }
    }
}
