/// Channel routes: read a channel, open a DM, post a message as the bot.
extension SandboxState {
    /// The channel, if it exists and the bot can see it (10003 / 50001 otherwise).
    func visibleChannel(_ id: String) throws(SandboxAPIError) -> SandboxChannel {
        guard let channel = channels[id] else { throw .unknownChannel }
        guard channel.botPermissions.allows(.viewChannel) else { throw .missingAccess }
        return channel
    }

    func require(_ permissions: SandboxPermissions, in channel: SandboxChannel) throws(SandboxAPIError) {
        guard channel.botPermissions.allows(permissions) else { throw .missingPermissions }
    }

    func getCurrentUser() -> SandboxReply {
        .json(SandboxRendering.user(botUser))
    }

    /// `GET /applications/@me`: the application the bot token belongs to, with its bot user.
    func getCurrentApplication() -> SandboxReply {
        .json(["id": .string(configuration.applicationID), "name": .string(botUser.username), "bot": SandboxRendering.user(botUser)])
    }

    func getChannel(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        .json(renderChannel(try visibleChannel(call.parameter("channel_id"))))
    }

    func renderChannel(_ channel: SandboxChannel) -> SandboxJSON {
        let recipients = channel.recipientIDs.compactMap { users[$0] }
        return SandboxRendering.channel(channel, recipients: recipients, lastMessageID: messages[channel.id]?.last?.id)
    }

    func createDM(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let body = try call.jsonBody()
        guard let recipientID = body["recipient_id"]?.snowflakeValue else {
            throw .invalidField(["recipient_id"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
        }
        guard users[recipientID] != nil else { throw .unknownUser }
        if let existing = directMessageChannels[recipientID], let channel = channels[existing] {
            return .json(renderChannel(channel))
        }
        let channel = SandboxChannel(
            id: makeID(), kind: .dm, guildID: nil,
            botPermissions: [.viewChannel, .sendMessages, .embedLinks, .attachFiles, .readMessageHistory],
            recipientIDs: [recipientID])
        channels[channel.id] = channel
        directMessageChannels[recipientID] = channel.id
        return .json(renderChannel(channel))
    }

    func createMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try visibleChannel(call.parameter("channel_id"))
        guard channel.acceptsMessages else { throw .wrongChannelType }
        try require(.sendMessages, in: channel)
        if channel.kind == .dm, let recipient = channel.recipientIDs.first, users[recipient]?.acceptsDirectMessages == false {
            throw .cannotMessageUser
        }
        let body = try MessageBody.read(
            contentType: call.contentType, body: call.body, parts: call.parts, limits: uploadLimits)
        let draft = try MessageDraft.validate(body, purpose: .channelMessage)
        if !draft.files.isEmpty { try require(.attachFiles, in: channel) }
        let message = try postMessage(draft, channelID: channel.id, author: .bot, origin: call.origin)
        return .json(render(message))
    }
}
