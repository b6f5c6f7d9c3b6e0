import DiscordModels
@testable import CastBot
import Clocks
import Testing

@Suite("InteractionRouter routing", .timeLimit(.minutes(1)))
struct InteractionRouterTests {
    let followUps = RecordingFollowUpSender()

    private func makeRouter() -> InteractionRouter {
        InteractionRouter(followUps: followUps, clock: TestClock())
    }

    @Test("components, commands and modals route by their own id")
    func routesByKindAndID() async throws {
        var router = makeRouter()
        router.onComponent("playerdata_export") { _ in .message("component") }
        router.onCommand("menu") { _ in .message("command") }
        router.onModal("playerdata_export_schedule_modal") { _ in .message("modal") }
        router.onAutocomplete("menu") { _ in .response(InteractionResponse(type: .applicationCommandAutocompleteResult, data: .autocomplete([ApplicationCommandOptionChoice(name: "a", value: .string("a"))]))) }

        let component = try await RouterHarness.send(InteractionPayloads.component(customID: "playerdata_export"), to: router).callback()
        #expect(component.data?["content"] as? String == "component")
        let command = try await RouterHarness.send(InteractionPayloads.command(name: "menu"), to: router).callback()
        #expect(command.data?["content"] as? String == "command")
        let modal = try await RouterHarness.send(InteractionPayloads.modal(customID: "playerdata_export_schedule_modal"), to: router).callback()
        #expect(modal.data?["content"] as? String == "modal")
        let autocomplete = try await RouterHarness.send(InteractionPayloads.autocomplete(name: "menu"), to: router).callback()
        #expect(autocomplete.type == 8)
        #expect((autocomplete.data?["choices"] as? [Any])?.count == 1)

        // A component id is not a command name: the same text in another kind does not match.
        let wrongKind = try await RouterHarness.send(InteractionPayloads.command(name: "playerdata_export"), to: router)
        #expect(wrongKind.outcome == .unknownRoute)
    }

    @Test("prefix routes pass the rest of the id; exact ids win, then the longest prefix")
    func prefixRoutes() async throws {
        var router = makeRouter()
        router.onComponent(prefix: "playerdata_import_confirm:") { interaction in .message("confirm \(interaction.parameter ?? "nil")") }
        router.onComponent(prefix: "playerdata_import_") { interaction in .message("import \(interaction.parameter ?? "nil")") }
        router.onComponent("playerdata_import_confirm:special") { interaction in .message("exact \(interaction.parameter ?? "nil")") }
        router.onModal(prefix: "rename:") { interaction in .message("modal \(interaction.parameter ?? "nil")") }

        let cases: [([UInt8], String)] = [
            (InteractionPayloads.component(customID: "playerdata_import_confirm:tok123"), "confirm tok123"),
            (InteractionPayloads.component(customID: "playerdata_import_cancel"), "import cancel"),
            (InteractionPayloads.component(customID: "playerdata_import_confirm:special"), "exact nil"),
            (InteractionPayloads.component(customID: "playerdata_import_confirm:"), "confirm "),
            (InteractionPayloads.modal(customID: "rename:42"), "modal 42"),
        ]
        for (body, expected) in cases {
            let reply = try await RouterHarness.send(body, to: router).callback()
            #expect(reply.data?["content"] as? String == expected)
        }
    }

    @Test("an unknown custom id gets an ephemeral 'no longer supported' message")
    func unknownComponent() async throws {
        var router = makeRouter()
        router.onComponent("playerdata_export") { _ in .message("export") }
        let reply = try await RouterHarness.send(InteractionPayloads.component(customID: "old_button_v1"), to: router)
        #expect(reply.outcome == .unknownRoute)
        let callback = try reply.callback()
        #expect(callback.type == 4)
        #expect(callback.data?["flags"] as? Int == 64)
        let content = try #require(callback.data?["content"] as? String)
        #expect(content.hasPrefix("This button is no longer supported"))
    }

    @Test("unknown commands, modals and autocomplete get answers Discord accepts for their kind")
    func unknownOtherKinds() async throws {
        let router = makeRouter()
        let command = try await RouterHarness.send(InteractionPayloads.command(name: "gone"), to: router).callback()
        #expect(command.type == 4)
        #expect(command.data?["flags"] as? Int == 64)
        let modal = try await RouterHarness.send(InteractionPayloads.modal(customID: "gone_modal"), to: router).callback()
        #expect(modal.type == 4)
        #expect((modal.data?["content"] as? String)?.contains("form") == true)
        let autocomplete = try await RouterHarness.send(InteractionPayloads.autocomplete(name: "gone"), to: router).callback()
        #expect(autocomplete.type == 8)
        #expect((autocomplete.data?["choices"] as? [Any])?.isEmpty == true)
    }

    @Test("route handlers receive the raw body and the envelope")
    func handlerSeesInteraction() async throws {
        var router = makeRouter()
        let seen = EventLog()
        router.onComponent("playerdata_export") { interaction in
            seen.record(String(decoding: interaction.body, as: UTF8.self))
            seen.record(interaction.envelope.guildID?.rawValue ?? "no guild")
            seen.record(interaction.envelope.userID?.rawValue ?? "no user")
            return .message("ok")
        }
        let body = InteractionPayloads.component(customID: "playerdata_export")
        _ = try await RouterHarness.send(body, to: router)
        #expect(seen.all == [String(decoding: body, as: UTF8.self), "1100000000000000001", "1000000000000000001"])
    }
}
