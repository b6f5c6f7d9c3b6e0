import Foundation

/// `POST /sandbox/interactions`: issue an interaction and deliver it to a bot.
/// Body: `{"to": "http://127.0.0.1:8080/interactions", "kind": "command|button|select|modal|ping",
/// "name": "menu", "custom_id": "...", "values": [...], "fields": [{"custom_id": "...", "value": "..."}],
/// "message_id": "...", "channel_id": "...", "user_id": "...", "signing": "valid|wrong_key|missing"}`.
struct ControlInteractions: Sendable {
    let sandbox: DiscordSandbox

    func send(_ body: ControlBody) async throws -> SandboxReply {
        guard let target = URL(string: try body.string("to")), target.scheme == "http" || target.scheme == "https" else {
            throw ControlError("'to' must be the bot's interactions URL, e.g. http://127.0.0.1:8080/interactions")
        }
        let kind = try interactionKind(body)
        let signing = try signingMode(body.optionalString("signing") ?? "valid")
        let interaction: SandboxInteraction
        do {
            interaction = try await sandbox.makeInteraction(
                kind, channelID: body.optionalString("channel_id"), userID: body.optionalString("user_id"))
        } catch let error as SandboxConfigurationError {
            throw ControlError(error.description)
        }
        let delivery = try await sandbox.sendInteraction(interaction, to: target, signing: signing)
        return .json([
            "interaction_id": .string(interaction.id),
            "status": .integer(delivery.status),
            "body": .string(String(decoding: delivery.body, as: UTF8.self)),
            "accepted": .bool(delivery.accepted),
            "rejection": .optional(delivery.rejection),
        ])
    }

    private func interactionKind(_ body: ControlBody) throws(ControlError) -> SandboxInteractionKind {
        let messageID = body.optionalString("message_id")
        switch body.optionalString("kind") ?? "" {
        case "ping": return .ping
        case "command": return .slashCommand(name: try body.string("name"), options: body.json["options"] ?? [])
        case "button": return .button(customID: try body.string("custom_id"), messageID: messageID)
        case "select":
            return .stringSelect(customID: try body.string("custom_id"), values: strings(body.json["values"]), messageID: messageID)
        case "modal":
            return .modalSubmit(customID: try body.string("custom_id"), fields: try fields(body.json["fields"]), messageID: messageID)
        case let other:
            throw ControlError("'kind' must be one of ping, command, button, select, modal; got '\(other)'")
        }
    }

    private func fields(_ value: SandboxJSON?) throws(ControlError) -> [SandboxModalField] {
        var fields: [SandboxModalField] = []
        for item in value?.arrayValue ?? [] {
            guard let customID = item["custom_id"]?.stringValue else {
                throw ControlError("each modal field needs a 'custom_id' and a 'value' or 'values'")
            }
            if let text = item["value"]?.stringValue {
                fields.append(.textInput(customID, value: text, legacyActionRow: item["legacy"]?.boolValue ?? false))
            } else {
                fields.append(.stringSelect(customID, values: strings(item["values"])))
            }
        }
        return fields
    }

    private func strings(_ value: SandboxJSON?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }

    private func signingMode(_ text: String) throws(ControlError) -> SandboxSignatureMode {
        switch text {
        case "valid": return .valid
        case "wrong_key": return .wrongKey
        case "missing": return .missing
        default: throw ControlError("'signing' must be valid, wrong_key or missing; got '\(text)'")
        }
    }
}
