public import Logging

/// The interaction handler the benches and fuzz tests drive: the one `castbot serve` answers
/// with, so every route registered for production is exercised.
public enum BenchInteractionHandler {
    /// Mirrors what `ServeRuntime` hands to `buildApplication`; when the serve wiring grows a
    /// factory for its handler, this calls it instead.
    public static func make(logger: Logger) -> any InteractionHandler {
        InteractionRouter(followUps: UndeliveredFollowUpSender(logger: logger))
    }
}
