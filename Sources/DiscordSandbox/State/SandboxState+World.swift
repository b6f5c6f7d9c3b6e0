/// Setting up and reading the world: guilds, channels, users, members, webhooks.
extension SandboxState {
    func makeID() -> String { ids.make(at: now()) }

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

    func postUserMessage(channelID: String, userID: String, content: String, origin: String) throws(SandboxConfigurationError)
        -> SandboxMessage
    {
        guard channels[channelID] != nil else {
            throw SandboxConfigurationError("unknown channel \(channelID); add it before posting in it")
        }
        guard users[userID] != nil else {
            throw SandboxConfigurationError("unknown user \(userID); add the user before posting as them")
        }
        let message = SandboxMessage(
            id: makeID(), channelID: channelID, author: .user(id: userID), content: content, components: [], embeds: [],
            flags: 0, attachments: [], applicationID: nil, createdAt: now(), editedAt: nil)
        messages[channelID, default: []].append(message)
        return message
    }

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

    /// The file, when the URL's signature is this sandbox's, for this file and not expired.
    func signedAttachment(channelID: String, attachmentID: String, query: [String: String]) -> SandboxAttachment? {
        guard let attachment = attachments[attachmentID], attachment.channelID == channelID,
            attachmentSigner.accepts(query: query, channelID: channelID, attachmentID: attachmentID, now: cdnNow())
        else { return nil }
        return attachment
    }

    /// The file's URL signed now, valid for `configuration.attachmentURLLifetime`.
    func signedURL(for attachment: SandboxAttachment) -> String {
        attachmentSigner.sign(attachment.url, channelID: attachment.channelID, attachmentID: attachment.id, now: cdnNow())
    }

    func corruptNextUploads(_ count: Int, at offset: Int) throws(SandboxConfigurationError) {
        guard count >= 1, offset >= 0 else {
            throw SandboxConfigurationError("corrupting uploads needs a count of at least 1 and an offset of 0 or more, got \(count) and \(offset)")
        }
        pendingUploadCorruptions += Array(repeating: offset, count: count)
    }

    /// Flips every bit of the byte at `offset` in a stored file (simulated storage damage).
    func corruptAttachment(id: String, at offset: Int) throws(SandboxConfigurationError) {
        guard var attachment = attachments[id] else {
            throw SandboxConfigurationError("no attachment with id \(id)")
        }
        guard attachment.bytes.indices.contains(offset) else {
            throw SandboxConfigurationError(
                "offset \(offset) is outside attachment \(id) (\(attachment.bytes.count) bytes; allowed 0...\(attachment.bytes.count - 1))")
        }
        attachment.bytes[offset] ^= 0xFF
        attachments[id] = attachment
        // Messages carry copies of their attachments; keep them the same.
        guard let list = messages[attachment.channelID] else { return }
        for (index, message) in list.enumerated() {
            if let position = message.attachments.firstIndex(where: { $0.id == id }) {
                messages[attachment.channelID]?[index].attachments[position] = attachment
            }
        }
    }

    func commands(guildID: String?) -> [SandboxCommand] {
        guard let guildID else { return globalCommands }
        return guildCommands[guildID] ?? []
    }

    func interactionLog(id: String) -> SandboxInteractionLog? {
        interactions.values.first { $0.log.id == id }?.log
    }
}
