/// Builds interaction payloads in Discord's shapes and registers their tokens.
extension SandboxState {
    func issueInteraction(_ kind: SandboxInteractionKind, channelID: String?, userID: String?)
        throws(SandboxConfigurationError) -> SandboxInteraction
    {
        let id = makeID()
        let token = "aW50ZXJhY3Rpb246" + TokenGenerator.make(length: 120)
        var object: [String: SandboxJSON] = [
            "id": .string(id),
            "application_id": .string(configuration.applicationID),
            "type": .integer(kind.interactionType),
            "token": .string(token),
            "version": 1,
        ]
        var guildID: String?
        if kind != .ping {
            let context = try interactionContext(channelID: channelID, userID: userID)
            guildID = context.channel.guildID
            object.merge(context.fields) { _, new in new }
            object["data"] = data(for: kind, guildID: guildID)
            if kind.interactionType == 3 || kind.interactionType == 5 {
                object["message"] = sourceMessage(kind.sourceMessageID, channelID: context.channel.id)
            }
        }
        let log = SandboxInteractionLog(
            id: id, token: token, type: kind.interactionType, channelID: kind == .ping ? nil : channelID,
            guildID: guildID, userID: kind == .ping ? nil : userID)
        interactions[token] = InteractionRecord(log: log, issuedAt: clock.now, sourceMessageID: kind.sourceMessageID)
        return SandboxInteraction(id: id, token: token, type: kind.interactionType, json: .object(object))
    }

    private struct Context {
        let channel: SandboxChannel
        let fields: [String: SandboxJSON]
    }

    /// Who acted where: channel, guild and member (with permissions), or the user in a DM.
    private func interactionContext(channelID: String?, userID: String?) throws(SandboxConfigurationError) -> Context {
        guard let channelID, let channel = channels[channelID] else {
            throw SandboxConfigurationError("interactions need a known channel id; got \(channelID ?? "none")")
        }
        guard let userID, let user = users[userID] else {
            throw SandboxConfigurationError("interactions need a known user id; got \(userID ?? "none")")
        }
        var fields: [String: SandboxJSON] = [
            "channel_id": .string(channel.id),
            "channel": renderChannel(channel),
            "app_permissions": .string(channel.botPermissions.effective.decimalString),
            "attachment_size_limit": .integer(configuration.maxFileSize),
            "locale": "en-US",
            "entitlements": [],
            "entitlement_sku_ids": [],
        ]
        if let guildID = channel.guildID, let guild = guilds[guildID] {
            guard let member = members[guildID]?[userID] else {
                throw SandboxConfigurationError("user \(userID) is not a member of guild \(guildID); add the member first")
            }
            fields["guild_id"] = .string(guildID)
            fields["guild"] = ["id": .string(guildID), "locale": .string(guild.locale), "features": []]
            fields["guild_locale"] = .string(guild.locale)
            fields["member"] = renderMember(member, user: user)
            fields["context"] = 0
            fields["authorizing_integration_owners"] = ["0": .string(guildID)]
        } else {
            fields["user"] = SandboxRendering.user(user)
            fields["context"] = 1
            fields["authorizing_integration_owners"] = ["1": .string(userID)]
        }
        return Context(channel: channel, fields: fields)
    }

    private func renderMember(_ member: SandboxMember, user: SandboxUser) -> SandboxJSON {
        [
            "user": SandboxRendering.user(user),
            "roles": .array(member.roleIDs.map(SandboxJSON.string)),
            "permissions": .string(member.permissions.effective.decimalString),
            "nick": .optional(member.nick),
            "avatar": nil,
            "joined_at": .string(DiscordISO8601.string(now())),
            "premium_since": nil,
            "communication_disabled_until": nil,
            "deaf": false,
            "mute": false,
            "pending": false,
            "flags": 0,
        ]
    }

    private func data(for kind: SandboxInteractionKind, guildID: String?) -> SandboxJSON {
        switch kind {
        case .ping:
            return .null
        case .slashCommand(let name, let options):
            var data: [String: SandboxJSON] = [
                "id": .string(commandID(named: name, type: 1, guildID: guildID) ?? makeID()),
                "name": .string(name),
                "type": 1,
            ]
            if !(options.arrayValue ?? []).isEmpty { data["options"] = options }
            if let guildID, guildCommands[guildID]?.contains(where: { $0.name == name }) == true {
                data["guild_id"] = .string(guildID)
            }
            return .object(data)
        case .button(let customID, _):
            return ["custom_id": .string(customID), "component_type": 2]
        case .stringSelect(let customID, let values, _):
            return ["custom_id": .string(customID), "component_type": 3, "values": .array(values.map(SandboxJSON.string))]
        case .modalSubmit(let customID, let fields, _):
            return modalData(customID: customID, fields: fields)
        case .custom(_, let data):
            return data
        }
    }

    private func modalData(customID: String, fields: [SandboxModalField]) -> SandboxJSON {
        var components: [SandboxJSON] = []
        var resolved: [String: SandboxJSON] = [:]
        var nextComponentID = 1
        for field in fields {
            let outerID = nextComponentID
            let innerID = nextComponentID + 1
            nextComponentID += 2
            var inner: [String: SandboxJSON] = ["id": .integer(innerID), "custom_id": .string(field.customID)]
            switch field.value {
            case .text(let value):
                inner["type"] = 4
                inner["value"] = .string(value)
            case .values(let values):
                inner["type"] = 3
                inner["values"] = .array(values.map(SandboxJSON.string))
            case .files(let files):
                inner["type"] = 19
                inner["values"] = .array(files.map { .string($0.id) })
                for file in files { resolved[file.id] = SandboxRendering.attachment(file, signedURL: signedURL(for: file)) }
            }
            if field.legacyActionRow {
                components.append(["type": 1, "id": .integer(outerID), "components": [.object(inner)]])
            } else {
                components.append(["type": 18, "id": .integer(outerID), "component": .object(inner)])
            }
        }
        var data: [String: SandboxJSON] = ["custom_id": .string(customID), "components": .array(components)]
        if !resolved.isEmpty { data["resolved"] = ["attachments": .object(resolved)] }
        return .object(data)
    }

    /// The message a component belonged to: the stored one, or a stand-in posted by the bot.
    private func sourceMessage(_ messageID: String?, channelID: String) -> SandboxJSON {
        if let messageID, let stored = message(id: messageID) { return render(stored) }
        let standIn = SandboxMessage(
            id: messageID ?? makeID(), channelID: channelID, author: .bot, content: "", components: [], embeds: [],
            flags: 0, attachments: [], applicationID: nil, createdAt: now(), editedAt: nil)
        return render(standIn)
    }
}
