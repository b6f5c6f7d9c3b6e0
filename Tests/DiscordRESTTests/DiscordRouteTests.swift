import DiscordModels
import DiscordREST
import Testing

@Suite("Routes", .timeLimit(.minutes(1)))
struct DiscordRouteTests {
    @Test("placeholders are filled; tokens are redacted and percent-encoded")
    func paths() {
        let route = DiscordRoute(
            .patch, "/webhooks/{application.id}/{interaction.token}/messages/@original",
            .application(Snowflake(3)), .interactionToken("a b/c"))
        #expect(route.path == "/webhooks/3/a%20b%2Fc/messages/@original")
        #expect(route.redactedPath == "/webhooks/3/:token/messages/@original")
        #expect(route.description == "PATCH /webhooks/3/:token/messages/@original")
        #expect(route.isInteractionRoute)
    }

    @Test("bot routes and webhook-token routes are not interaction routes")
    func interactionRoutes() {
        #expect(!DiscordRoute(.get, "/channels/{channel.id}", .channel(Snowflake(1))).isInteractionRoute)
        #expect(!DiscordRoute(.post, "/webhooks/{webhook.id}/{webhook.token}", .webhook(Snowflake(1)), .webhookToken("t")).isInteractionRoute)
        #expect(DiscordRoute(.post, "/interactions/{interaction.id}/{interaction.token}/callback", .interaction(Snowflake(1)), .interactionToken("t")).isInteractionRoute)
    }
}
