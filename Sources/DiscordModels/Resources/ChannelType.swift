/// The kind of a channel.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
public struct ChannelType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let guildText = ChannelType(rawValue: 0)
    public static let dm = ChannelType(rawValue: 1)
    public static let guildVoice = ChannelType(rawValue: 2)
    public static let groupDM = ChannelType(rawValue: 3)
    public static let guildCategory = ChannelType(rawValue: 4)
    public static let guildAnnouncement = ChannelType(rawValue: 5)
    public static let announcementThread = ChannelType(rawValue: 10)
    public static let publicThread = ChannelType(rawValue: 11)
    public static let privateThread = ChannelType(rawValue: 12)
    public static let guildStageVoice = ChannelType(rawValue: 13)
    public static let guildDirectory = ChannelType(rawValue: 14)
    public static let guildForum = ChannelType(rawValue: 15)
    public static let guildMedia = ChannelType(rawValue: 16)

    public var description: String {
        switch rawValue {
        case 0: "guildText"
        case 1: "dm"
        case 2: "guildVoice"
        case 3: "groupDM"
        case 4: "guildCategory"
        case 5: "guildAnnouncement"
        case 10: "announcementThread"
        case 11: "publicThread"
        case 12: "privateThread"
        case 13: "guildStageVoice"
        case 14: "guildDirectory"
        case 15: "guildForum"
        case 16: "guildMedia"
        default: "ChannelType(\(rawValue))"
        }
    }
}
