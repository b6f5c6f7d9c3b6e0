/// A set of Discord permissions.
///
/// Discord sends permissions as decimal strings because the bit set outgrows 53-bit JSON numbers.
/// Parsing never traps:
/// - A string of decimal digits is read modulo 2^64: a value wider than 64 bits keeps its low
///   64 bits (every permission Discord defines today lives there; higher bits are dropped).
/// - Anything else (empty, signs, spaces, letters, more than ``maximumDigits`` digits) is invalid:
///   ``init(discordString:)`` returns `nil` and decoding throws a `DecodingError`. Callers that must
///   not fail on a bad value (an interaction's `member.permissions`) decode it leniently and treat
///   an invalid value as "no permissions".
package struct Permissions: OptionSet, Sendable, Hashable, Codable, CustomStringConvertible {
    package var rawValue: UInt64

    package init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Longest decimal string accepted; longer input is treated as invalid rather than read.
    package static let maximumDigits = 256

    /// Parses Discord's decimal string form; see the type's documentation for the rules.
    package init?(discordString: String) {
        let digits = discordString.utf8
        guard !digits.isEmpty, digits.count <= Self.maximumDigits else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            // Wrapping arithmetic computes the value modulo 2^64, i.e. keeps the low 64 bits.
            value = value &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
        }
        rawValue = value
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let parsed = Permissions(discordString: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Permissions must be a decimal string of 1 to \(Self.maximumDigits) digits"
                )
            }
            self = parsed
        } else if let number = try? container.decode(UInt64.self) {
            self.init(rawValue: number)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Permissions must be a decimal string or a non-negative integer"
            )
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(rawValue))
    }

    /// Discord's wire form: the decimal string.
    package var discordString: String { String(rawValue) }

    package static let createInstantInvite = Permissions(rawValue: 1 << 0)
    package static let kickMembers = Permissions(rawValue: 1 << 1)
    package static let banMembers = Permissions(rawValue: 1 << 2)
    package static let administrator = Permissions(rawValue: 1 << 3)
    package static let manageChannels = Permissions(rawValue: 1 << 4)
    package static let manageGuild = Permissions(rawValue: 1 << 5)
    package static let addReactions = Permissions(rawValue: 1 << 6)
    package static let viewAuditLog = Permissions(rawValue: 1 << 7)
    package static let viewChannel = Permissions(rawValue: 1 << 10)
    package static let sendMessages = Permissions(rawValue: 1 << 11)
    package static let manageMessages = Permissions(rawValue: 1 << 13)
    package static let embedLinks = Permissions(rawValue: 1 << 14)
    package static let attachFiles = Permissions(rawValue: 1 << 15)
    package static let readMessageHistory = Permissions(rawValue: 1 << 16)
    package static let mentionEveryone = Permissions(rawValue: 1 << 17)
    package static let useExternalEmojis = Permissions(rawValue: 1 << 18)
    package static let manageRoles = Permissions(rawValue: 1 << 28)
    package static let manageWebhooks = Permissions(rawValue: 1 << 29)
    package static let useApplicationCommands = Permissions(rawValue: 1 << 31)
    package static let sendMessagesInThreads = Permissions(rawValue: 1 << 38)

    /// Names as Discord's client shows them, for messages that tell an admin what is missing.
    static let displayNames: [(Permissions, String)] = [
        (.createInstantInvite, "Create Invite"),
        (.kickMembers, "Kick Members"),
        (.banMembers, "Ban Members"),
        (.administrator, "Administrator"),
        (.manageChannels, "Manage Channels"),
        (.manageGuild, "Manage Server"),
        (.addReactions, "Add Reactions"),
        (.viewAuditLog, "View Audit Log"),
        (.viewChannel, "View Channel"),
        (.sendMessages, "Send Messages"),
        (.manageMessages, "Manage Messages"),
        (.embedLinks, "Embed Links"),
        (.attachFiles, "Attach Files"),
        (.readMessageHistory, "Read Message History"),
        (.mentionEveryone, "Mention Everyone"),
        (.useExternalEmojis, "Use External Emojis"),
        (.manageRoles, "Manage Roles"),
        (.manageWebhooks, "Manage Webhooks"),
        (.useApplicationCommands, "Use Application Commands"),
        (.sendMessagesInThreads, "Send Messages in Threads"),
    ]

    /// Human names of the known permissions in this set, in Discord's order.
    package var names: [String] {
        Self.displayNames.filter { contains($0.0) }.map(\.1)
    }

    package var description: String {
        let known = names
        return known.isEmpty ? "Permissions(\(rawValue))" : known.joined(separator: ", ")
    }
}
