/// Reading and deleting a channel's messages: `GET /channels/{id}/messages`,
/// `GET` and `DELETE /channels/{id}/messages/{message.id}`.
///
/// Permissions as Discord documents them: without View Channel every route answers 403 50001
/// Missing Access. Without Read Message History, in a guild channel, the list answers 200 with no
/// messages (not an error: a caller tells it from an empty channel by the channel's
/// `last_message_id`, which stays set), and a single message answers 403 50001. Deleting the bot's
/// own messages needs nothing more; anyone else's (webhook messages included) needs Manage
/// Messages, else 403 50013.
extension SandboxState {
    /// `GET /channels/{channel.id}/messages`: newest first, at most `limit` (1-100, default 50).
    /// `around`, `before` and `after` pick the window; Discord documents them as mutually
    /// exclusive and takes one when several are sent, so here the first given, in that order.
    /// `after` returns the messages closest after that id, still newest first. Ephemeral messages
    /// are not in a channel's history.
    func listChannelMessages(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try visibleChannel(call.parameter("channel_id"))
        var errors = FormErrors()
        let limit = Self.integerQuery(call.query["limit"], name: "limit", range: 1...100, into: &errors) ?? 50
        let around = Self.snowflake(call.query["around"], name: "around", into: &errors)
        let before = Self.snowflake(call.query["before"], name: "before", into: &errors)
        let after = Self.snowflake(call.query["after"], name: "after", into: &errors)
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        guard readsHistory(in: channel) else { return .json(.array([])) }

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

    /// `GET /channels/{channel.id}/messages/{message.id}`: 10008 Unknown Message when the channel
    /// has no such message (ephemeral ones included).
    func getChannelMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try visibleChannel(call.parameter("channel_id"))
        let messageID = try Self.messageID(call)
        guard readsHistory(in: channel) else { throw .missingAccess }
        return .json(render(try channelMessage(messageID, in: channel)))
    }

    /// `DELETE /channels/{channel.id}/messages/{message.id}`: 204. The bot's own messages always;
    /// others' (people's, any webhook's) need Manage Messages, and cannot be deleted in DMs.
    func deleteChannelMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try visibleChannel(call.parameter("channel_id"))
        let message = try channelMessage(try Self.messageID(call), in: channel)
        if !message.isBotAuthored {
            if channel.isDirectMessage { throw .cannotUseOnDMChannel }
            try require(.manageMessages, in: channel)
        }
        deleteMessage(message.id)
        return .noContent
    }

    private func readsHistory(in channel: SandboxChannel) -> Bool {
        channel.isDirectMessage || channel.botPermissions.allows(.readMessageHistory)
    }

    private func channelMessage(_ id: String, in channel: SandboxChannel) throws(SandboxAPIError) -> SandboxMessage {
        guard let message = messages[channel.id]?.first(where: { $0.id == id }), !message.isEphemeral else {
            throw .unknownMessage
        }
        return message
    }

    /// The path's message id; one that is not a snowflake is a 50035, as on Discord.
    private static func messageID(_ call: SandboxCall) throws(SandboxAPIError) -> String {
        let text = call.parameter("message_id")
        var errors = FormErrors()
        guard snowflake(text, name: "message_id", into: &errors) != nil else { throw .invalidFormBody(errors) }
        return text
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

    private static func snowflake(_ text: String?, name: String, into errors: inout FormErrors) -> UInt64? {
        guard let text else { return nil }
        guard let value = UInt64(text) else {
            errors.add([name], code: "NUMBER_TYPE_COERCE", message: "Value \"\(text)\" is not snowflake.")
            return nil
        }
        return value
    }
}
