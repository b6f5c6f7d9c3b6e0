/// Application command routes: read, create (an upsert by name) and bulk-overwrite global and
/// guild commands.
extension SandboxState {
    private static let unknownGuild = SandboxAPIError(status: 404, code: 10004, message: "Unknown Guild")

    private func requireOwnApplication(_ call: SandboxCall) throws(SandboxAPIError) {
        guard call.parameter("application_id") == configuration.applicationID else { throw .missingAccess }
    }

    func commandGuild(_ call: SandboxCall) throws(SandboxAPIError) -> String {
        let guildID = call.parameter("guild_id")
        guard guilds[guildID] != nil else { throw Self.unknownGuild }
        return guildID
    }

    func getGlobalCommands(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        try requireOwnApplication(call)
        return .json(.array(globalCommands.map(\.json)))
    }

    func getGuildCommands(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        try requireOwnApplication(call)
        let guildID = try commandGuild(call)
        return .json(.array((guildCommands[guildID] ?? []).map(\.json)))
    }

    /// `POST …/commands`: like Discord, a command with the name (and type) of an existing one
    /// replaces it (200) and leaves every other command alone; a new one answers 201.
    func createCommand(_ call: SandboxCall, guildID: String?) throws(SandboxAPIError) -> SandboxReply {
        try requireOwnApplication(call)
        guard let definition = try CommandRules.check(.array([try call.jsonBody()])).first else {
            throw .invalidField([], code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
        }
        let command = register(definition, guildID: guildID)
        var existing = guildID.map { guildCommands[$0] ?? [] } ?? globalCommands
        let replaced = existing.firstIndex { $0.name == command.name && $0.type == command.type }
        if let replaced {
            existing[replaced] = command
        } else {
            existing.append(command)
        }
        if let guildID {
            guildCommands[guildID] = existing
        } else {
            globalCommands = existing
        }
        return .json(command.json, status: replaced == nil ? 201 : 200)
    }

    func overwriteGlobalCommands(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        try requireOwnApplication(call)
        let definitions = try CommandRules.check(try call.jsonBody())
        globalCommands = definitions.map { register($0, guildID: nil) }
        return .json(.array(globalCommands.map(\.json)))
    }

    func overwriteGuildCommands(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        try requireOwnApplication(call)
        let guildID = try commandGuild(call)
        let definitions = try CommandRules.check(try call.jsonBody())
        let registered = definitions.map { register($0, guildID: guildID) }
        guildCommands[guildID] = registered
        return .json(.array(registered.map(\.json)))
    }

    /// Gives a definition its id (stable per scope, type and name) and the fields Discord adds.
    private func register(_ definition: SandboxJSON, guildID: String?) -> SandboxCommand {
        let type = definition["type"]?.intValue ?? 1
        let name = definition["name"]?.stringValue ?? ""
        let key = "\(guildID ?? "global")|\(type)|\(name)"
        let id = commandIDs[key] ?? makeID()
        commandIDs[key] = id
        var object = definition.objectValue ?? [:]
        object["id"] = .string(id)
        object["application_id"] = .string(configuration.applicationID)
        object["type"] = .integer(type)
        object["version"] = .string(makeID())
        object["description"] = object["description"] ?? ""
        object["default_member_permissions"] = object["default_member_permissions"] ?? .null
        object["nsfw"] = object["nsfw"] ?? false
        if let guildID { object["guild_id"] = .string(guildID) }
        return SandboxCommand(
            id: id, applicationID: configuration.applicationID, guildID: guildID, name: name, type: type,
            json: .object(object))
    }

    /// The id of a registered command by name (guild first, then global), for interaction payloads.
    func commandID(named name: String, type: Int, guildID: String?) -> String? {
        let scoped = guildID.flatMap { guildCommands[$0]?.first { $0.name == name && $0.type == type } }
        return (scoped ?? globalCommands.first { $0.name == name && $0.type == type })?.id
    }
}
