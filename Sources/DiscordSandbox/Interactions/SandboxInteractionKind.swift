/// What the simulated user did, in the shapes Discord sends to a bot's interactions endpoint.
package enum SandboxInteractionKind: Sendable, Hashable {
    /// Discord's endpoint check (type 1); the bot must answer PONG.
    case ping
    /// A slash command (type 2, command type 1), e.g. `/menu`. `options` is the `data.options` array.
    case slashCommand(name: String, options: SandboxJSON = [])
    /// A button click (type 3, component type 2) on `messageID` (a sandbox message) or a synthetic one.
    case button(customID: String, messageID: String? = nil)
    /// A string select (type 3, component type 3).
    case stringSelect(customID: String, values: [String], messageID: String? = nil)
    /// A modal submission (type 5) with the user's inputs.
    case modalSubmit(customID: String, fields: [SandboxModalField], messageID: String? = nil)
    /// Any other interaction type with a hand-written `data` object.
    case custom(type: Int, data: SandboxJSON)

    var interactionType: Int {
        switch self {
        case .ping: return 1
        case .slashCommand: return 2
        case .button, .stringSelect: return 3
        case .modalSubmit: return 5
        case .custom(let type, _): return type
        }
    }

    var sourceMessageID: String? {
        switch self {
        case .button(_, let messageID), .stringSelect(_, _, let messageID), .modalSubmit(_, _, let messageID):
            return messageID
        default:
            return nil
        }
    }
}

/// One input of a submitted modal.
package struct SandboxModalField: Sendable, Hashable {
    enum Value: Sendable, Hashable {
        case text(String)
        case values([String])
        case files([SandboxAttachment])
    }

    let customID: String
    let value: Value
    /// Wrap in a legacy Action Row (type 1) instead of a Label (type 18), as older modals arrive.
    let legacyActionRow: Bool

    /// A Text Input (type 4) with its `value`.
    package static func textInput(_ customID: String, value: String, legacyActionRow: Bool = false) -> SandboxModalField {
        SandboxModalField(customID: customID, value: .text(value), legacyActionRow: legacyActionRow)
    }

    /// A String Select (type 3) with its chosen `values`.
    package static func stringSelect(_ customID: String, values: [String]) -> SandboxModalField {
        SandboxModalField(customID: customID, value: .values(values), legacyActionRow: false)
    }

    /// A File Upload (type 19): `values` are attachment ids, described in `data.resolved.attachments`.
    /// Create the attachments with `DiscordSandbox.uploadInteractionAttachment`.
    package static func fileUpload(_ customID: String, attachments: [SandboxAttachment]) -> SandboxModalField {
        SandboxModalField(customID: customID, value: .files(attachments), legacyActionRow: false)
    }
}

/// An interaction the sandbox issued: its id and token (follow-ups to
/// `/webhooks/{application_id}/{token}` are accepted for 15 minutes) and the exact body to send.
package struct SandboxInteraction: Sendable, Hashable {
    package let id: String
    package let token: String
    package let type: Int
    package let json: SandboxJSON
    package var body: [UInt8] { json.encoded() }
}
