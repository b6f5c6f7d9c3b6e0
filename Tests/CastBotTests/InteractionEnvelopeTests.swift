import DiscordModels
@testable import CastBot
import Testing

@Suite("Reading the interaction envelope", .timeLimit(.minutes(1)))
struct InteractionEnvelopeTests {
    @Test("the body is decoded once: the envelope carries the whole interaction handlers work with")
    func carriesTheInteraction() throws {
        let envelope = try #require(InteractionEnvelope.decode(from: InteractionPayloads.component(customID: "playerdata_export")))
        let interaction = try #require(envelope.interaction)
        #expect(interaction.id == envelope.id)
        #expect(interaction.data?.customID == "playerdata_export")
        #expect(interaction.member?.permissions?.contains(.administrator) == true)
        // A PING as some tools send it, without a token: still read, answered, and not an interaction.
        let ping = try #require(InteractionEnvelope.decode(from: InteractionPayloads.ping()))
        #expect(ping.type == .ping)
        #expect(ping.interaction == nil)
    }

    @Test("guild interactions give the member's user id, the custom id and the routing fields")
    func guildComponent() throws {
        let envelope = try #require(InteractionEnvelope.decode(from: InteractionPayloads.component(customID: "playerdata_export")))
        #expect(envelope.type == .messageComponent)
        #expect(envelope.id?.rawValue == "1400000000000000002")
        #expect(envelope.applicationID?.rawValue == InteractionPayloads.applicationID)
        #expect(envelope.token == InteractionPayloads.token)
        #expect(envelope.guildID?.rawValue == "1100000000000000001")
        #expect(envelope.channelID?.rawValue == "1200000000000000001")
        #expect(envelope.userID?.rawValue == "1000000000000000001")
        #expect(envelope.customID == "playerdata_export")
        #expect(envelope.commandName == nil)
    }

    @Test("direct-message interactions give the top-level user id")
    func directMessage() throws {
        let body = Array(#"{"type":2,"id":"1","user":{"id":"1000000000000000009"},"data":{"name":"menu"}}"#.utf8)
        let envelope = try #require(InteractionEnvelope.decode(from: body))
        #expect(envelope.userID?.rawValue == "1000000000000000009")
        #expect(envelope.guildID?.rawValue == nil)
        #expect(envelope.commandName == "menu")
    }

    @Test("unknown fields, unknown types and oddly typed optional fields do not make an interaction unreadable")
    func lenient() throws {
        let body = Array(#"{"type":42,"id":7,"guild_id":null,"data":{"custom_id":["x"],"name":"n"},"brand_new_field":{"a":[1,2]}}"#.utf8)
        let envelope = try #require(InteractionEnvelope.decode(from: body))
        #expect(envelope.type.rawValue == 42)
        #expect(envelope.type.label == "unknown")
        #expect(envelope.id?.rawValue == nil)
        #expect(envelope.customID == nil)
        #expect(envelope.commandName == "n")
    }

    @Test("a body without an integer type is not an interaction", arguments: ["", "null", "[]", #"{"id":"1"}"#, #"{"type":"2"}"#, "{\"type\":2"])
    func notAnInteraction(text: String) {
        #expect(InteractionEnvelope.decode(from: Array(text.utf8)) == nil)
    }

    @Test("the description carries routing facts but never the token")
    func descriptionHidesToken() throws {
        let envelope = try #require(InteractionEnvelope.decode(from: InteractionPayloads.component(customID: "playerdata_export")))
        #expect(envelope.description.contains("playerdata_export"))
        #expect(!envelope.description.contains(InteractionPayloads.token))
    }
}
