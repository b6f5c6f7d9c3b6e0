import DiscordModels
import Foundation
import Testing

@Suite("Components: unknown and malformed components are kept, never a failure", .timeLimit(.minutes(1)))
struct ComponentDecodingTests {
    @Test("an unknown component type is kept with its raw JSON and encodes back unchanged")
    func unknownTypeKept() throws {
        let json = #"{"type": 99, "custom_id": "future", "shiny": {"level": 3}, "values": ["a"]}"#
        let component = try JSONDecoder().decode(Component.self, from: Data(json.utf8))
        guard case .unknown(let type, let raw) = component else {
            Issue.record("expected .unknown, got \(component)")
            return
        }
        #expect(type == 99)
        #expect(raw["shiny"]?["level"]?.intValue == 3)
        #expect(component.type == ComponentType(rawValue: 99))
        #expect(try JSONComparison.value(encoding: component) == JSONComparison.value(parsing: json))
    }

    @Test("unknown components nested in a container and a label do not fail the message")
    func nestedUnknown() throws {
        let json = #"""
        {"flags": 32768, "components": [
          {"type": 17, "components": [{"type": 42, "anything": true}, {"type": 10, "content": "hi"}]},
          {"type": 18, "label": "Pick", "component": {"type": 77, "custom_id": "x"}}
        ]}
        """#
        let payload = try JSONDecoder().decode(MessagePayload.self, from: Data(json.utf8))
        let components = try #require(payload.components)
        #expect(ComponentTree.unknownTypes(in: components).sorted() == [42, 77])
        #expect(payload.flags == .isComponentsV2)
        #expect(try JSONComparison.value(encoding: payload) == JSONComparison.value(parsing: json))
    }

    @Test("a known type with fields of the wrong shape is kept raw instead of failing")
    func malformedKnownType() throws {
        let json = #"{"type": 2, "style": "big", "label": 5}"#
        let component = try JSONDecoder().decode(Component.self, from: Data(json.utf8))
        guard case .unknown(let type, let raw) = component else {
            Issue.record("expected .unknown, got \(component)")
            return
        }
        #expect(type == 2)
        #expect(raw["style"]?.stringValue == "big")
    }

    @Test("an object without an integer type is not a component")
    func missingTypeIsAnError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Component.self, from: Data(#"{"custom_id": "x"}"#.utf8))
        }
    }

    @Test(
        "the newest modal components decode with their documented numbers",
        arguments: [
            (#"{"type": 21, "custom_id": "r", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]}"#, 21),
            (#"{"type": 22, "custom_id": "g", "options": [{"value": "a", "label": "A"}], "min_values": 0}"#, 22),
            (#"{"type": 23, "custom_id": "c", "default": true}"#, 23),
            (#"{"type": 19, "custom_id": "f", "max_values": 1}"#, 19),
            (#"{"type": 18, "label": "L", "component": {"type": 4, "custom_id": "t", "style": 1}}"#, 18),
        ]
    )
    func newestModalComponents(json: String, expectedType: Int) throws {
        let component = try JSONDecoder().decode(Component.self, from: Data(json.utf8))
        if case .unknown = component { Issue.record("type \(expectedType) decoded as unknown") }
        #expect(component.type.rawValue == expectedType)
        #expect(try JSONComparison.value(encoding: component) == JSONComparison.value(parsing: json))
    }

    @Test("unknown enum values (button style, channel type, interaction type) are kept")
    func unknownEnumValues() throws {
        let button = try JSONDecoder().decode(Component.self, from: Data(#"{"type": 2, "style": 42, "custom_id": "b"}"#.utf8))
        guard case .button(let decoded) = button else {
            Issue.record("expected a button, got \(button)")
            return
        }
        #expect(decoded.style.rawValue == 42)
        let channel = try JSONDecoder().decode(Channel.self, from: Data(#"{"id": "1", "type": 99}"#.utf8))
        #expect(channel.type.rawValue == 99)
        let interaction = try JSONDecoder().decode(
            Interaction.self, from: Data(#"{"id": "1", "type": 77, "token": "t"}"#.utf8))
        #expect(interaction.type.rawValue == 77)
    }
}
