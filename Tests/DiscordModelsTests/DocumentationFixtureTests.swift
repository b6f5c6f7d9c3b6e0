import DiscordModels
import Foundation
import Testing

/// Every example payload from Discord's documentation (Fixtures/) decodes with the type its file
/// name names, every documented component decodes as a known component, and what the bot sends
/// encodes back to the documented JSON.
@Suite("Discord documentation examples", .timeLimit(.minutes(1)))
struct DocumentationFixtureTests {
    /// How to read one kind of fixture.
    struct Kind: Sendable {
        /// Decodes the payload; returns the components it contains (to check none is unknown).
        let components: @Sendable (Data) throws -> [Component]
        /// Decodes, encodes and decodes again; true when both decodings are equal.
        let roundTrips: @Sendable (Data) throws -> Bool
        /// Encodes the decoded payload.
        let reencoded: @Sendable (Data) throws -> Data
        /// A payload the bot sends: its encoding must match the documentation.
        let isSentByTheBot: Bool
    }

    static func kind<T: Codable & Equatable & Sendable>(
        _ type: T.Type,
        sentByTheBot: Bool = false,
        components: @escaping @Sendable (T) -> [Component] = { _ in [] }
    ) -> Kind {
        Kind(
            components: { data in components(try JSONDecoder().decode(T.self, from: data)) },
            roundTrips: { data in
                let first = try JSONDecoder().decode(T.self, from: data)
                let second = try JSONDecoder().decode(T.self, from: JSONEncoder().encode(first))
                return first == second
            },
            reencoded: { data in try JSONEncoder().encode(JSONDecoder().decode(T.self, from: data)) },
            isSentByTheBot: sentByTheBot
        )
    }

    static let kinds: [String: Kind] = [
        "Interaction": kind(Interaction.self) { ($0.data?.components ?? []) + ($0.message?.components ?? []) },
        "InteractionData": kind(InteractionData.self) { $0.components ?? [] },
        "InteractionResponse": kind(InteractionResponse.self, sentByTheBot: true) { response in
            switch response.data {
            case .message(let payload): payload.components ?? []
            case .modal(let modal): modal.components
            default: []
            }
        },
        "MessagePayload": kind(MessagePayload.self, sentByTheBot: true) { $0.components ?? [] },
        "ModalPayload": kind(ModalPayload.self, sentByTheBot: true) { $0.components },
        "ApplicationCommand": kind(ApplicationCommand.self, sentByTheBot: true),
        "Message": kind(Message.self) { $0.components ?? [] },
        "Channel": kind(Channel.self),
        "Webhook": kind(Webhook.self),
        "User": kind(User.self),
        "GuildMember": kind(GuildMember.self),
        "Attachment": kind(Attachment.self),
        "DiscordErrorBody": kind(DiscordErrorBody.self),
    ]

    /// Documented examples carrying fields the bot never sends, so their encoding is a subset.
    static let examplesWithUnmodeledFields: Set<String> = [
        "MessagePayload.upload-payload-json.json",  // message_reference (replies are not used)
        "ApplicationCommand.entry-point-launch.json",  // handler (Activities only)
        "ApplicationCommand.localized-birthday-fetched.json",  // name_localized: response-only
    ]

    static func kind(of fileName: String) -> Kind? {
        guard let prefix = fileName.split(separator: ".").first else { return nil }
        return kinds[String(prefix)]
    }

    @Test("there are examples for every kind")
    func everyKindHasExamples() throws {
        let names = try Fixtures.allNames()
        #expect(names.count >= 70)
        for prefix in Self.kinds.keys {
            #expect(names.contains { $0.hasPrefix(prefix + ".") }, "no example saved for \(prefix)")
        }
    }

    @Test("each example decodes, with every component known", arguments: try Fixtures.allNames())
    func decodes(fileName: String) throws {
        let kind = try #require(Self.kind(of: fileName), "\(fileName) does not start with a known type name")
        let components = try kind.components(try Fixtures.data(fileName))
        #expect(ComponentTree.unknownTypes(in: components).isEmpty, "\(fileName) has components decoded as unknown")
    }

    @Test("each example survives decode, encode, decode", arguments: try Fixtures.allNames())
    func roundTrips(fileName: String) throws {
        let kind = try #require(Self.kind(of: fileName))
        #expect(try kind.roundTrips(try Fixtures.data(fileName)))
    }

    @Test(
        "what the bot sends encodes to the documented JSON",
        arguments: try Fixtures.allNames().filter {
            kind(of: $0)?.isSentByTheBot == true && !examplesWithUnmodeledFields.contains($0)
        }
    )
    func encodesAsDocumented(fileName: String) throws {
        let kind = try #require(Self.kind(of: fileName))
        let data = try Fixtures.data(fileName)
        let documented = try JSONComparison.value(of: data)
        let encoded = try JSONComparison.value(of: try kind.reencoded(data))
        #expect(encoded == documented)
    }
}
