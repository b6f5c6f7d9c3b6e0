@testable import CastBotSandbox
@testable import CastBot
import DiscordSandbox
import Testing

@Suite("castbot sandbox: what the terminal shows", .timeLimit(.minutes(1)))
struct SandboxTranscriptTests {
    @Test("a Components V2 reply shows its text, its buttons with custom ids, and readable times")
    func componentsReply() {
        let reply: SandboxJSON = [
            "type": 4,
            "data": [
                "flags": 32832,
                "components": [
                    [
                        "type": 17,
                        "components": [
                            ["type": 10, "content": "## Title\nNext <t:1760538600:R>"],
                            ["type": 1, "components": [["type": 2, "style": 1, "label": "Export", "custom_id": "playerdata_export"]]],
                        ],
                    ]
                ],
            ],
        ]
        let text = SandboxTranscript.reply(reply)
        #expect(text.contains("(only you can see this)"))
        #expect(text.contains("## Title"))
        #expect(text.contains("<t:1760538600:R> (2025-10-15 14:30:00 UTC)"))
        #expect(text.contains("[Export] (playerdata_export)"))
    }

    @Test("a modal shows its title, id and inputs with their pre-filled values")
    func modal() {
        let reply: SandboxJSON = [
            "type": 9,
            "data": [
                "custom_id": "playerdata_export_schedule_modal", "title": "Schedule playerData Export",
                "components": [
                    ["type": 18, "label": "Export every X minutes (0=disable)", "component": ["type": 4, "custom_id": "interval_minutes", "value": "1440"]]
                ],
            ],
        ]
        let text = SandboxTranscript.reply(reply)
        #expect(text.contains("Modal \"Schedule playerData Export\" (playerdata_export_schedule_modal)"))
        #expect(text.contains("• Export every X minutes (0=disable): interval_minutes = \"1440\""))
    }

    @Test("a malformed timestamp is left as it is")
    func malformedTimestamp() {
        #expect(SandboxTranscript.readable("at <t:abc:R> and <t:12") == "at <t:abc:R> and <t:12")
    }
}
