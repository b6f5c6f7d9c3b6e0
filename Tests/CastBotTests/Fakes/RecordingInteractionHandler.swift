@testable import CastBot
import Synchronization

/// An interaction handler that records the bodies it was given and answers with a fixed reply.
final class RecordingInteractionHandler: InteractionHandler {
    private let received = Mutex<[[UInt8]]>([])
    private let reply: InteractionReply

    init(reply: InteractionReply = .message("handled")) {
        self.reply = reply
    }

    func handle(_ body: [UInt8], context: InteractionContext) async -> InteractionReply {
        received.withLock { $0.append(body) }
        return reply
    }

    var bodies: [[UInt8]] { received.withLock { $0 } }
}
