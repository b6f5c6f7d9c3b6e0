/// Setting up and reading the world: guilds, channels, users, members, webhooks.
extension SandboxState {
    func makeID() -> String { ids.make() }

    func put(_ guild: SandboxGuild) { guilds[guild.id] = guild }

    func put(_ channel: SandboxChannel) throws(SandboxConfigurationError) {
        if let guildID = channel.guildID, guilds[guildID] == nil {
            throw SandboxConfigurationError("channel \(channel.id) names guild \(guildID), which was not added; add the guild first")
        }
        if channel.guildID == nil && !channel.isDirectMessage {
            throw SandboxConfigurationError("channel \(channel.id) of kind \(channel.kind) needs a guild id")
        }
        channels[channel.id] = channel
    }

    func put(_ user: SandboxUser) { users[user.id] = user }

    func put(_ member: SandboxMember) throws(SandboxConfigurationError) {
        guard guilds[member.guildID] != nil else {
            throw SandboxConfigurationError("member of unknown guild \(member.guildID); add the guild first")
        }
        guard users[member.userID] != nil else {
            throw SandboxConfigurationError("member \(member.userID) is not a known user; add the user first")
        }
        members[member.guildID, default: [:]][member.userID] = member
    }

    func setBotPermissions(_ permissions: SandboxPermissions, channelID: String) throws(SandboxConfigurationError) {
        guard channels[channelID] != nil else {
            throw SandboxConfigurationError("unknown channel \(channelID); add it before setting permissions")
        }
        channels[channelID]?.botPermissions = permissions
    }

    func removeChannel(_ channelID: String) {
        channels[channelID] = nil
        webhooks.removeAll { $0.channelID == channelID }
    }

    func putWebhook(channelID: String, name: String, applicationID: String?) throws(SandboxConfigurationError)
        -> SandboxWebhook
    {
        guard let channel = channels[channelID] else {
            throw SandboxConfigurationError("unknown channel \(channelID); add it before adding webhooks")
        }
        let webhook = SandboxWebhook(
            id: makeID(), token: TokenGenerator.make(length: 68), channelID: channelID, guildID: channel.guildID,
            name: name, applicationID: applicationID, creatorUserID: nil)
        webhooks.append(webhook)
        return webhook
    }

    func channel(_ id: String) -> SandboxChannel? { channels[id] }

    func webhooks(inChannel channelID: String) -> [SandboxWebhook] {
        webhooks.filter { $0.channelID == channelID }
    }

    func messages(inChannel channelID: String) -> [SandboxMessage] { messages[channelID] ?? [] }

    func message(id: String) -> SandboxMessage? {
        for list in messages.values {
            if let found = list.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    func directMessages(toUser userID: String) -> [SandboxMessage] {
        guard let channelID = directMessageChannels[userID] else { return [] }
        return messages(inChannel: channelID)
    }

    func attachment(id: String) -> SandboxAttachment? { attachments[id] }

    func commands(guildID: String?) -> [SandboxCommand] {
        guard let guildID else { return globalCommands }
        return guildCommands[guildID] ?? []
    }

    func interactionLog(id: String) -> SandboxInteractionLog? {
        interactions.values.first { $0.log.id == id }?.log
    }
}
