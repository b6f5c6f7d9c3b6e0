/// `POST /sandbox/guilds|channels|users|members`: building the world from another process.
struct ControlWorldSetup: Sendable {
    let sandbox: DiscordSandbox

    func create(_ kind: String, body: ControlBody) async throws -> SandboxReply {
        switch kind {
        case "guilds":
            let guild = await sandbox.addGuild(
                id: body.optionalString("id"), name: body.optionalString("name") ?? "Sandbox Guild",
                ownerID: body.optionalString("owner_id"))
            return .json(["id": .string(guild.id), "name": .string(guild.name)], status: 201)
        case "channels":
            let kindValue = try body.optionalInt("type") ?? 0
            guard let channelKind = SandboxChannel.Kind(rawValue: kindValue) else {
                throw ControlError("'type' \(kindValue) is not a channel type the sandbox knows (0, 2, 4, 5, 10-13, 15)")
            }
            let channel = try await configurationCall {
                try await sandbox.addChannel(
                    id: body.optionalString("id"), guildID: body.optionalString("guild_id"),
                    name: body.optionalString("name"), kind: channelKind,
                    botPermissions: try body.permissions("bot_permissions") ?? .typicalBot)
            }
            return .json(
                [
                    "id": .string(channel.id), "guild_id": .optional(channel.guildID),
                    "bot_permissions": .string(channel.botPermissions.decimalString),
                ], status: 201)
        case "users":
            let user = await sandbox.addUser(
                id: body.optionalString("id"), username: body.optionalString("username") ?? "sandbox-user",
                acceptsDirectMessages: body.json["accepts_direct_messages"]?.boolValue ?? true)
            return .json(["id": .string(user.id), "username": .string(user.username)], status: 201)
        default:
            let member = try await configurationCall {
                try await sandbox.addMember(
                    guildID: try body.string("guild_id"), userID: try body.string("user_id"),
                    permissions: try body.permissions("permissions") ?? [])
            }
            return .json(
                [
                    "guild_id": .string(member.guildID), "user_id": .string(member.userID),
                    "permissions": .string(member.permissions.decimalString),
                ], status: 201)
        }
    }

    /// Turns setup mistakes into 400s with the sandbox's explanation.
    private func configurationCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SandboxConfigurationError {
            throw ControlError(error.description)
        }
    }
}
