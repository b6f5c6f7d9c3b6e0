import DiscordModels
import Foundation
import Testing

@Suite("Interaction responses encode as Discord documents them", .timeLimit(.minutes(1)))
struct InteractionResponseEncodingTests {
    @Test(
        "callback types and flags",
        arguments: [
            (InteractionResponse.pong, #"{"type": 1}"#),
            (.deferredMessage(ephemeral: true), #"{"type": 5, "data": {"flags": 64}}"#),
            (.deferredMessage(ephemeral: false), #"{"type": 5}"#),
            (.deferredUpdate, #"{"type": 6}"#),
            (
                .message(MessagePayload(content: "Done", allowedMentions: AllowedMentions.none, flags: .ephemeral)),
                #"{"type": 4, "data": {"content": "Done", "allowed_mentions": {"parse": []}, "flags": 64}}"#
            ),
            (
                .updateMessage(MessagePayload(flags: [.ephemeral, .isComponentsV2], components: [.textDisplay(TextDisplay(content: "Status"))])),
                #"{"type": 7, "data": {"flags": 32832, "components": [{"type": 10, "content": "Status"}]}}"#
            ),
        ]
    )
    func encodes(response: InteractionResponse, documented: String) throws {
        #expect(try JSONComparison.value(encoding: response) == JSONComparison.value(parsing: documented))
        let decoded = try JSONDecoder().decode(InteractionResponse.self, from: JSONEncoder().encode(response))
        #expect(decoded == response)
    }

    @Test("a modal built in code encodes to Discord's Label + Text Input example")
    func modalMatchesDocumentation() throws {
        let modal = InteractionResponse.modal(
            ModalPayload(
                customID: "game_feedback_modal",
                title: "Game Feedback",
                components: [
                    .label(
                        Label(
                            label: "What did you find interesting about the game?",
                            description: "Please give us as much detail as possible so we can improve the game!",
                            component: .textInput(
                                TextInput(
                                    customID: "game_feedback",
                                    style: .paragraph,
                                    minLength: 100,
                                    maxLength: 4000,
                                    required: true,
                                    placeholder: "Write your feedback here..."
                                )
                            )
                        )
                    )
                ]
            )
        )
        let documented = try JSONComparison.value(of: try Fixtures.data("InteractionResponse.modal-text-input.json"))
        #expect(try JSONComparison.value(encoding: modal) == documented)
    }

    @Test("a Components V2 message with a container and buttons encodes to Discord's example")
    func containerMatchesDocumentation() throws {
        func button(_ id: String, _ label: String, _ style: ButtonStyle) -> Component {
            .button(Button(style: style, label: label, customID: id))
        }
        let payload = MessagePayload(
            flags: .isComponentsV2,
            components: [
                .container(
                    Container(
                        components: [
                            .textDisplay(TextDisplay(content: "# You have encountered a wild coyote!")),
                            .mediaGallery(
                                MediaGallery(items: [.init(media: UnfurledMediaItem(url: "https://websitewithopensourceimages/coyote.webp"))])
                            ),
                            .textDisplay(TextDisplay(content: "What would you like to do?")),
                            .actionRow(
                                ActionRow(components: [
                                    button("pet_coyote", "Pet it!", .primary),
                                    button("feed_coyote", "Attempt to feed it", .secondary),
                                    button("run_away", "Run away!", .danger),
                                ])
                            ),
                        ],
                        accentColor: 703_487
                    )
                )
            ]
        )
        let documented = try JSONComparison.value(of: try Fixtures.data("MessagePayload.container.json"))
        #expect(try JSONComparison.value(encoding: payload) == documented)
    }

    @Test("new uploads are referenced by their index as a number, existing attachments by id")
    func attachmentReferences() throws {
        let payload = MessagePayload(attachments: [
            AttachmentReference(uploadIndex: 0, filename: "playerdata.json"),
            AttachmentReference(id: .existing(Snowflake(42))),
        ])
        #expect(
            try JSONComparison.value(encoding: payload)
                == JSONComparison.value(parsing: #"{"attachments": [{"id": 0, "filename": "playerdata.json"}, {"id": "42"}]}"#))
    }

    @Test("an autocomplete result encodes its choices under data")
    func autocomplete() throws {
        let response = InteractionResponse(
            type: .applicationCommandAutocompleteResult,
            data: .autocomplete([ApplicationCommandOptionChoice(name: "Server", value: .string("server"))])
        )
        #expect(
            try JSONComparison.value(encoding: response)
                == JSONComparison.value(parsing: #"{"type": 8, "data": {"choices": [{"name": "Server", "value": "server"}]}}"#))
    }
}
