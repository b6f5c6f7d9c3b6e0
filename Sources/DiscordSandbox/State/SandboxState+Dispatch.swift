/// Routes an authenticated, admitted API call to its handler.
extension SandboxState {
    func handle(_ call: SandboxCall) -> SandboxReply {
        do {
            return try route(call)
        } catch {
            return .error(error)
        }
    }

    private func route(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        switch call.match.endpoint {
        case .getCurrentUser: return getCurrentUser()
        case .getCurrentApplication: return getCurrentApplication()
        case .createDM: return try createDM(call)
        case .getChannel: return try getChannel(call)
        case .listChannelMessages: return try listChannelMessages(call)
        case .createMessage: return try createMessage(call)
        case .getChannelMessage: return try getChannelMessage(call)
        case .deleteChannelMessage: return try deleteChannelMessage(call)
        case .listChannelWebhooks: return try listChannelWebhooks(call)
        case .createWebhook: return try createWebhook(call)
        case .getWebhook: return try getWebhook(call)
        case .deleteWebhook: return try deleteWebhook(call)
        case .getWebhookWithToken: return try getWebhookWithToken(call)
        case .executeWebhook: return try executeWebhook(call)
        case .deleteWebhookWithToken: return try deleteWebhookWithToken(call)
        case .getWebhookMessage: return try getWebhookMessage(call)
        case .editWebhookMessage: return try editWebhookMessage(call)
        case .deleteWebhookMessage: return try deleteWebhookMessage(call)
        case .interactionCallback: return try interactionCallback(call)
        case .getGlobalCommands: return try getGlobalCommands(call)
        case .createGlobalCommand: return try createCommand(call, guildID: nil)
        case .overwriteGlobalCommands: return try overwriteGlobalCommands(call)
        case .createGuildCommand: return try createCommand(call, guildID: try commandGuild(call))
        case .getGuildCommands: return try getGuildCommands(call)
        case .overwriteGuildCommands: return try overwriteGuildCommands(call)
        }
    }
}
