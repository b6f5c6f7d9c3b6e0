/// The kind of a channel.
///
/// An open set: values this module does not name are kept as they are, never a decoding error.
package struct ChannelType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    package let rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    package static let guildText = ChannelType(rawValue: 0)
    package static let dm = ChannelType(rawValue: 1)
    package static let guildVoice = ChannelType(rawValue: 2)
    package static let groupDM = ChannelType(rawValue: 3)
    package static let guildCategory = ChannelType(rawValue: 4)
    package static let guildAnnouncement = ChannelType(rawValue: 5)
    package static let announcementThread = ChannelType(rawValue: 10)
    package static let publicThread = ChannelType(rawValue: 11)
    package static let privateThread = ChannelType(rawValue: 12)
    package static let guildStageVoice = ChannelType(rawValue: 13)
    package static let guildDirectory = ChannelType(rawValue: 14)
    package static let guildForum = ChannelType(rawValue: 15)
    package static let guildMedia = ChannelType(rawValue: 16)

    package var description: String {
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
