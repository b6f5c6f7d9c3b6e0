/// Building the world the bot sees, and scripting Discord's behaviour.
extension DiscordSandbox {
    @discardableResult
    package func addGuild(id: String? = nil, name: String = "Sandbox Guild", ownerID: String? = nil) async -> SandboxGuild {
        let guild = SandboxGuild(id: await resolvedID(id), name: name, ownerID: ownerID)
        await state.put(guild)
        return guild
    }

    /// Adds a channel. Guild channels need their guild added first; DMs are opened by the bot itself.
    @discardableResult
    package func addChannel(
        id: String? = nil, guildID: String?, name: String? = nil, kind: SandboxChannel.Kind = .guildText,
        botPermissions: SandboxPermissions = .typicalBot
    ) async throws -> SandboxChannel {
        let channel = SandboxChannel(
            id: await resolvedID(id), kind: kind, guildID: guildID, name: name, botPermissions: botPermissions)
        try await state.put(channel)
        return channel
    }

    @discardableResult
    package func addUser(id: String? = nil, username: String, acceptsDirectMessages: Bool = true) async -> SandboxUser {
        let user = SandboxUser(id: await resolvedID(id), username: username, acceptsDirectMessages: acceptsDirectMessages)
        await state.put(user)
        return user
    }

    /// Makes a user a guild member with these guild-level permissions (`member.permissions`).
    @discardableResult
    package func addMember(
        guildID: String, userID: String, permissions: SandboxPermissions, roleIDs: [String] = []
    ) async throws -> SandboxMember {
        let member = SandboxMember(guildID: guildID, userID: userID, permissions: permissions, roleIDs: roleIDs)
        try await state.put(member)
        return member
    }

    /// What the bot may do in a channel (drives 50001/50013 and `app_permissions`).
    package func setBotPermissions(_ permissions: SandboxPermissions, inChannel channelID: String) async throws {
        try await state.setBotPermissions(permissions, channelID: channelID)
    }

    /// Deletes a channel and its webhooks; later requests for it get 10003.
    package func removeChannel(_ channelID: String) async {
        await state.removeChannel(channelID)
    }

    /// Adds a webhook as if someone created it earlier (e.g. one this application left behind).
    @discardableResult
    package func addWebhook(channelID: String, name: String, applicationID: String?) async throws -> SandboxWebhook {
        try await state.putWebhook(channelID: channelID, name: name, applicationID: applicationID)
    }

    /// Posts a message as a person (not the bot, not a webhook), e.g. a human's message in an
    /// export channel, which the bot may delete only with Manage Messages.
    @discardableResult
    package func postUserMessage(channelID: String, userID: String, content: String) async throws -> SandboxMessage {
        try await state.postUserMessage(channelID: channelID, userID: userID, content: content, origin: origin)
    }

    /// Flips every bit of one byte of a stored file, as if Discord's storage damaged it: the CDN
    /// then serves different bytes than were uploaded, under the same size and URL.
    package func corruptAttachment(id: String, atOffset offset: Int = 0) async throws(SandboxConfigurationError) {
        try await state.corruptAttachment(id: id, at: offset)
    }

    /// Damages the next `count` files stored from posted messages: the byte at `offset` (or the
    /// last byte, for shorter files) is flipped as it is stored, so the message's answer looks
    /// right but the CDN serves other bytes than were uploaded.
    package func corruptNextUploads(_ count: Int = 1, atOffset offset: Int = 0) async throws(SandboxConfigurationError) {
        try await state.corruptNextUploads(count, at: offset)
    }

    /// Sets a bucket for matching routes; the newest matching rule wins.
    package func addRateLimit(_ rule: SandboxRateLimitRule) async {
        await state.addRateLimitRule(rule)
    }

    /// Requests per second with the bot token (and, separately, without Authorization); nil turns
    /// the global limit off.
    package func setGlobalRateLimit(requestsPerSecond: Int?) async {
        await state.setGlobalRateLimit(requestsPerSecond)
    }

    /// Faults apply in the order added; each counts down and then stops applying.
    package func injectFault(_ fault: SandboxFault) async {
        await state.addFault(fault)
    }

    package func clearFaults() async {
        await state.clearFaults()
    }

    package func activeFaults() async -> [SandboxFault] {
        await state.activeFaults()
    }

    /// A guild with an `exports` channel and an administrator, for running the bot in sandbox mode.
    @discardableResult
    package func seedDemoWorld() async throws -> SandboxDemoWorld {
        let admin = await addUser(id: "1200000000000000003", username: "sandbox-admin")
        let guild = await addGuild(id: "1200000000000000001", name: "Sandbox Guild", ownerID: admin.id)
        let channel = try await addChannel(id: "1200000000000000002", guildID: guild.id, name: "exports")
        let member = try await addMember(guildID: guild.id, userID: admin.id, permissions: [.administrator])
        return SandboxDemoWorld(guild: guild, channel: channel, admin: admin, adminMember: member)
    }

    private func resolvedID(_ id: String?) async -> String {
        if let id { return id }
        return await state.makeID()
    }
}

/// The world `seedDemoWorld()` creates.
package struct SandboxDemoWorld: Sendable, Hashable {
    package let guild: SandboxGuild
    package let channel: SandboxChannel
    package let admin: SandboxUser
    package let adminMember: SandboxMember
}
