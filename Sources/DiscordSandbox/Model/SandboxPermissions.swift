/// Discord permission bits. On the wire they travel as decimal strings.
public struct SandboxPermissions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static let administrator = SandboxPermissions(rawValue: 1 << 3)
    public static let manageChannels = SandboxPermissions(rawValue: 1 << 4)
    public static let manageGuild = SandboxPermissions(rawValue: 1 << 5)
    public static let viewChannel = SandboxPermissions(rawValue: 1 << 10)
    public static let sendMessages = SandboxPermissions(rawValue: 1 << 11)
    public static let manageMessages = SandboxPermissions(rawValue: 1 << 13)
    public static let embedLinks = SandboxPermissions(rawValue: 1 << 14)
    public static let attachFiles = SandboxPermissions(rawValue: 1 << 15)
    public static let readMessageHistory = SandboxPermissions(rawValue: 1 << 16)
    public static let manageWebhooks = SandboxPermissions(rawValue: 1 << 29)
    public static let useApplicationCommands = SandboxPermissions(rawValue: 1 << 31)

    /// Every bit Discord currently defines (up to bit 52); what an administrator effectively holds.
    public static let all = SandboxPermissions(rawValue: (1 << 53) - 1)

    /// What a bot invited with the permissions CastBot asks for holds in a channel.
    public static let typicalBot: SandboxPermissions = [
        .viewChannel, .sendMessages, .embedLinks, .attachFiles, .readMessageHistory, .manageWebhooks,
        .useApplicationCommands,
    ]

    /// Administrator implies every permission.
    public var effective: SandboxPermissions {
        contains(.administrator) ? .all : self
    }

    public func allows(_ required: SandboxPermissions) -> Bool {
        effective.contains(required)
    }

    public var decimalString: String { String(rawValue) }

    public init?(decimalString: String) {
        guard let value = UInt64(decimalString) else { return nil }
        self.init(rawValue: value)
    }
}
