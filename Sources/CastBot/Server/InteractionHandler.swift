/// Receives every verified, non-PING interaction. `InteractionRouter` is the standard implementation.
public protocol InteractionHandler: Sendable {
    /// - Parameters:
    ///   - body: the request body exactly as Discord signed it.
    ///   - context: the envelope already read from `body`, and a logger carrying the interaction's id.
    /// - Returns: the answer for Discord; it must come back within Discord's 3 seconds.
    func handle(_ body: [UInt8], context: InteractionContext) async -> InteractionReply

    /// Called once during graceful shutdown, after the server stopped accepting requests:
    /// return when work started by `handle` (deferred replies, follow-ups) has finished.
    func finishPendingWork() async

    /// Work started by `handle` that is still running (deferred replies, follow-ups).
    var pendingWorkCount: Int { get }
}

extension InteractionHandler {
    public func finishPendingWork() async {}
    public var pendingWorkCount: Int { 0 }
}
