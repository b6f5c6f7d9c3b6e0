import DiscordModels
import Foundation
import Testing

@Suite("Interactions", .timeLimit(.minutes(1)))
struct InteractionTests {
    @Test("Discord's slash command example: member, permissions, data")
    func slashCommand() throws {
        let interaction = try JSONDecoder().decode(Interaction.self, from: try Fixtures.data("Interaction.slash-command.json"))
        #expect(interaction.type == .applicationCommand)
        #expect(interaction.data?.name == "cardsearch")
        #expect(interaction.data?.options?.first?.value == .string("The Gitrog Monster"))
        #expect(interaction.member?.permissions?.rawValue == 2_147_483_647)
        #expect(interaction.appPermissions?.contains(.attachFiles) == true)
        #expect(interaction.invokingUser?.username == "Mason")
        #expect(interaction.sourceChannelID == Snowflake(645_027_906_669_510_667))
    }

    @Test("Discord's button example: component data and the message it was attached to")
    func buttonClick() throws {
        let interaction = try JSONDecoder().decode(Interaction.self, from: try Fixtures.data("Interaction.button-click.json"))
        #expect(interaction.type == .messageComponent)
        #expect(interaction.data?.customID == "click_one")
        #expect(interaction.data?.componentType == .button)
        #expect(interaction.message?.flags?.contains(.isComponentsV2) == true)
        #expect(interaction.applicationID == Snowflake(290_926_444_748_734_465))
    }

    @Test("guild, partial channel, attachment size limit and app permissions")
    func modernFields() throws {
        let json = #"""
        {"id": "10", "application_id": "11", "type": 5, "token": "secret-token", "version": 1,
         "guild_id": "12", "channel": {"id": "13", "type": 0, "name": "backups"}, "channel_id": "13",
         "app_permissions": "536988672", "attachment_size_limit": 10485760,
         "member": {"user": {"id": "14", "username": "admin"}, "roles": [], "permissions": "32"},
         "data": {"custom_id": "playerdata_export_schedule_modal", "components": []}}
        """#
        let interaction = try JSONDecoder().decode(Interaction.self, from: Data(json.utf8))
        #expect(interaction.channel?.name == "backups")
        #expect(interaction.attachmentSizeLimit == 10_485_760)
        #expect(interaction.member?.permissions == .manageGuild)
        #expect(interaction.appPermissions?.contains([.viewChannel, .sendMessages, .attachFiles, .manageWebhooks]) == true)
    }

    @Test("a ping has no data")
    func ping() throws {
        let interaction = try JSONDecoder().decode(
            Interaction.self, from: Data(#"{"id": "1", "application_id": "2", "type": 1, "token": "t", "version": 1}"#.utf8))
        #expect(interaction.type == .ping)
        #expect(interaction.data == nil)
    }

    @Test("descriptions never show the token")
    func tokenRedacted() throws {
        let interaction = Interaction(id: Snowflake(1), type: .modalSubmit, token: "aW50ZXJhY3Rpb246c2VjcmV0")
        #expect(!String(describing: interaction).contains("aW50ZXJhY3Rpb246c2VjcmV0"))
        #expect(!String(reflecting: interaction).contains("aW50ZXJhY3Rpb246c2VjcmV0"))
        let webhook = Webhook(id: Snowflake(2), type: .incoming, token: "d2ViaG9vay1zZWNyZXQ")
        #expect(!String(describing: webhook).contains("d2ViaG9vay1zZWNyZXQ"))
        #expect(!String(reflecting: webhook).contains("d2ViaG9vay1zZWNyZXQ"))
    }

    @Test("missing id, type or token is a decoding error")
    func requiredFields() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Interaction.self, from: Data(#"{"id": "1", "type": 2}"#.utf8))
        }
    }
}
