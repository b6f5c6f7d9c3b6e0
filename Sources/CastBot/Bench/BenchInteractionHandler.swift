import DiscordREST
import PlayerData

/// The interaction handler the benches and fuzz tests drive: the router `castbot serve` builds,
/// with the same features installed, so every production route is exercised.
enum BenchInteractionHandler {
    /// Mirrors `ServeRuntime`'s wiring; when serve grows a factory for its handler, call it here.
    static func make(configuration: CastBotConfiguration, discord: any DiscordClient) -> any InteractionHandler {
        var router = InteractionRouter(followUps: DiscordFollowUpSender(client: discord))
        PlayerDataFeatures(
            store: PlayerDataStore(directory: configuration.dataDirectory),
            ownerIDs: configuration.ownerIDs,
            schedules: UnavailableExportSchedules(),
            health: UnavailableHealthMonitor(),
            discord: discord
        ).install(on: &router)
        return router
    }
}
