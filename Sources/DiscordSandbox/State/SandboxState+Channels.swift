/// Channel routes: read a channel, open a DM, list messages, post a message as the bot.
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

    /// `GET /channels/{channel.id}/messages`: newest first, at most `limit` (1-100, default 50).
    /// `around`, `before` and `after` pick the window (Discord takes one; here the first given, in
    /// that order); `after` returns the messages closest after that id, still newest first.
    /// Ephemeral messages are not in a channel's history. Without Read Message History Discord
    /// answers an empty list rather than an error.
    func listChannelMessages(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try visibleChannel(call.parameter("channel_id"))
        var errors = FormErrors()
        let limit = Self.integerQuery(call.query["limit"], name: "limit", range: 1...100, into: &errors) ?? 50
        let around = Self.snowflakeQuery(call.query["around"], name: "around", into: &errors)
        let before = Self.snowflakeQuery(call.query["before"], name: "before", into: &errors)
        let after = Self.snowflakeQuery(call.query["after"], name: "after", into: &errors)
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        guard channel.botPermissions.allows(.readMessageHistory) else { return .json(.array([])) }

        // Oldest first, by id (ids grow with time, as Discord's snowflakes do).
        let history = (messages[channel.id] ?? []).filter { !$0.isEphemeral }
            .map { (id: UInt64($0.id) ?? 0, message: $0) }
            .sorted { $0.id < $1.id }
        let page: ArraySlice<(id: UInt64, message: SandboxMessage)>
        if let around {
            let older = history.filter { $0.id < around }.suffix(limit / 2)
            let rest = history.filter { $0.id >= around }.prefix(limit - older.count)
            page = ArraySlice(older + rest)
        } else if let before {
            page = history.filter { $0.id < before }.suffix(limit)
        } else if let after {
            page = history.filter { $0.id > after }.prefix(limit)
        } else {
            page = history.suffix(limit)
        }
        return .json(.array(page.reversed().map { render($0.message) }))
    }

    private static func integerQuery(
        _ text: String?, name: String, range: ClosedRange<Int>, into errors: inout FormErrors
    ) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            errors.add([name], code: "NUMBER_TYPE_COERCE", message: "Value \"\(text)\" is not int.")
            return nil
        }
        if value < range.lowerBound {
            errors.add(
                [name], code: "NUMBER_TYPE_MIN", message: "int value should be greater than or equal to \(range.lowerBound).")
        } else if value > range.upperBound {
            errors.add(
                [name], code: "NUMBER_TYPE_MAX", message: "int value should be less than or equal to \(range.upperBound).")
        }
        return value
    }

    private static func snowflakeQuery(_ text: String?, name: String, into errors: inout FormErrors) -> UInt64? {
        guard let text else { return nil }
        guard let value = UInt64(text) else {
            errors.add([name], code: "NUMBER_TYPE_COERCE", message: "Value \"\(text)\" is not snowflake.")
            return nil
        }
        return value
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
