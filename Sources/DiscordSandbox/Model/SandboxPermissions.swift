/// Discord permission bits. On the wire they travel as decimal strings.
package struct SandboxPermissions: OptionSet, Sendable, Hashable {
    package let rawValue: UInt64

    package init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    package static let administrator = SandboxPermissions(rawValue: 1 << 3)
    package static let manageChannels = SandboxPermissions(rawValue: 1 << 4)
    package static let manageGuild = SandboxPermissions(rawValue: 1 << 5)
    package static let viewChannel = SandboxPermissions(rawValue: 1 << 10)
    package static let sendMessages = SandboxPermissions(rawValue: 1 << 11)
    package static let manageMessages = SandboxPermissions(rawValue: 1 << 13)
    package static let embedLinks = SandboxPermissions(rawValue: 1 << 14)
    package static let attachFiles = SandboxPermissions(rawValue: 1 << 15)
    package static let readMessageHistory = SandboxPermissions(rawValue: 1 << 16)
    package static let manageWebhooks = SandboxPermissions(rawValue: 1 << 29)
    package static let useApplicationCommands = SandboxPermissions(rawValue: 1 << 31)

    /// Every bit Discord currently defines (up to bit 52); what an administrator effectively holds.
    package static let all = SandboxPermissions(rawValue: (1 << 53) - 1)

    /// What a bot invited with the permissions CastBot asks for holds in a channel.
    package static let typicalBot: SandboxPermissions = [
        .viewChannel, .sendMessages, .embedLinks, .attachFiles, .readMessageHistory, .manageWebhooks,
        .useApplicationCommands,
    ]

    /// Administrator implies every permission.
    package var effective: SandboxPermissions {
        contains(.administrator) ? .all : self
    }

    package func allows(_ required: SandboxPermissions) -> Bool {
        effective.contains(required)
    }

    package var decimalString: String { String(rawValue) }

    package init?(decimalString: String) {
        guard let value = UInt64(decimalString) else { return nil }
        self.init(rawValue: value)
    }
}
