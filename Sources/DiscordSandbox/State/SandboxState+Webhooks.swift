import Foundation

/// Webhook routes: create, list, read, execute and delete.
extension SandboxState {
    /// A channel where the bot may manage webhooks, with Discord's checks in Discord's order.
    private func webhookChannel(_ id: String) throws(SandboxAPIError) -> SandboxChannel {
        let channel = try visibleChannel(id)
        if channel.isDirectMessage { throw .cannotUseOnDMChannel }
        guard channel.acceptsWebhooks else { throw .wrongChannelType }
        try require(.manageWebhooks, in: channel)
        return channel
    }

    func listChannelWebhooks(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try webhookChannel(call.parameter("channel_id"))
        let list = webhooks(inChannel: channel.id).map { renderWebhook($0, origin: call.origin) }
        return .json(.array(list))
    }

    func createWebhook(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let channel = try webhookChannel(call.parameter("channel_id"))
        let body = try call.jsonBody()
        guard case .object = body else {
            throw .invalidField([], code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
        }
        var errors = FormErrors()
        WebhookNameRule.check(body["name"], at: ["name"], required: true, into: &errors)
        guard errors.isEmpty, let name = body["name"]?.stringValue else { throw .invalidFormBody(errors) }
        guard webhooks(inChannel: channel.id).count < configuration.maxWebhooksPerChannel else {
            throw .tooManyWebhooks
        }
        let webhook = SandboxWebhook(
            id: makeID(), token: TokenGenerator.make(length: 68), channelID: channel.id, guildID: channel.guildID,
            name: name, applicationID: configuration.applicationID, creatorUserID: botUser.id,
            // Discord takes the reason URL-encoded and shows it decoded in the audit log.
            auditLogReason: call.headers.value(of: "X-Audit-Log-Reason").map { $0.removingPercentEncoding ?? $0 })
        webhooks.append(webhook)
        return .json(renderWebhook(webhook, origin: call.origin))
    }

    func getWebhook(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let webhook = try botManagedWebhook(call.parameter("webhook_id"))
        return .json(renderWebhook(webhook, origin: call.origin))
    }

    func deleteWebhook(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let webhook = try botManagedWebhook(call.parameter("webhook_id"))
        webhooks.removeAll { $0.id == webhook.id }
        return .noContent
    }

    func getWebhookWithToken(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let webhook = try webhook(call.parameter("webhook_id"), token: call.parameter("webhook_token"))
        return .json(SandboxRendering.webhook(webhook, creator: nil, origin: call.origin))
    }

    func deleteWebhookWithToken(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let webhook = try webhook(call.parameter("webhook_id"), token: call.parameter("webhook_token"))
        webhooks.removeAll { $0.id == webhook.id }
        return .noContent
    }

    func executeWebhook(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let webhookID = call.parameter("webhook_id")
        let token = call.parameter("webhook_token")
        if webhookID == configuration.applicationID, interactions[token] != nil {
            return try followUp(call, token: token)
        }
        let webhook = try webhook(webhookID, token: token)
        guard channels[webhook.channelID] != nil else { throw .unknownWebhook }
        let body = try MessageBody.read(
            contentType: call.contentType, body: call.body, parts: call.parts, limits: uploadLimits)
        let draft = try MessageDraft.validate(body, purpose: .webhookExecution)
        let message = try postMessage(
            draft, channelID: webhook.channelID, author: .webhook(id: webhook.id, username: draft.username ?? webhook.name),
            origin: call.origin)
        return call.queryFlag("wait") ? .json(render(message)) : .noContent
    }

    /// A webhook addressed by id and token; either wrong is 10015, as on Discord.
    func webhook(_ id: String, token: String) throws(SandboxAPIError) -> SandboxWebhook {
        guard let webhook = webhooks.first(where: { $0.id == id }), webhook.token == token else {
            throw .unknownWebhook
        }
        return webhook
    }

    private func botManagedWebhook(_ id: String) throws(SandboxAPIError) -> SandboxWebhook {
        guard let webhook = webhooks.first(where: { $0.id == id }) else { throw .unknownWebhook }
        guard let channel = channels[webhook.channelID] else { throw .unknownWebhook }
        try require(.manageWebhooks, in: channel)
        return webhook
    }

    private func renderWebhook(_ webhook: SandboxWebhook, origin: String) -> SandboxJSON {
        SandboxRendering.webhook(webhook, creator: webhook.creatorUserID.flatMap { users[$0] }, origin: origin)
    }
}
