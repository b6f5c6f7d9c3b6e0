/// A request the bot declines, with the message the user sees (ephemeral). Thrown by checks so a
/// handler stops at the first thing that is wrong and says exactly what it was.
struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
