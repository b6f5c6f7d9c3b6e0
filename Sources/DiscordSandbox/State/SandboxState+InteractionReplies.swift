/// Answers to interactions: the initial callback (through the HTTP reply or the callback
/// route), follow-ups, and edits of the original response.
extension SandboxState {
    static let responseDeadline: Duration = .seconds(3)

    func interactionCallback(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let token = call.parameter("interaction_token")
        guard let record = interactions[token], record.log.id == call.parameter("interaction_id") else {
            throw .unknownInteraction
        }
        guard clock.now - record.issuedAt <= Self.responseDeadline else { throw .unknownInteraction }
        let body = try MessageBody.read(
            contentType: call.contentType, body: call.body, parts: call.parts, limits: uploadLimits)
        let message = try acknowledge(token: token, reply: body, origin: call.origin)
        guard call.queryFlag("with_response"), let updated = interactions[token]?.log else { return .noContent }
        var resource: [String: SandboxJSON] = ["type": .integer(updated.responseType ?? 0)]
        if let message { resource["message"] = render(message) }
        return .json([
            "interaction": [
                "id": .string(updated.id), "type": .integer(updated.type),
                "response_message_id": .optional(message?.id),
                "response_message_loading": .bool(updated.responseType == 5),
                "response_message_ephemeral": .bool(message?.isEphemeral ?? false),
            ],
            "resource": .object(resource),
        ])
    }

    /// Applies the bot's initial response. Returns the message it created or changed, if any.
    @discardableResult
    func acknowledge(token: String, reply: MessageBody, origin: String) throws(SandboxAPIError) -> SandboxMessage? {
        guard let record = interactions[token] else { throw .unknownInteraction }
        guard !record.log.isAcknowledged else { throw .alreadyAcknowledged }
        guard let type = reply.json["type"]?.intValue else {
            throw .invalidField(["type"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
        }
        let data = reply.json["data"] ?? .null
        let interactionType = record.log.type
        guard Self.allowedCallbacks(for: interactionType).contains(type) else {
            throw .invalidField(
                ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID",
                message: "Callback type \(type) is not valid for interaction type \(interactionType); "
                    + "allowed: \(Self.allowedCallbacks(for: interactionType).map(String.init).joined(separator: ", "))")
        }
        var message: SandboxMessage?
        switch type {
        case 4:
            let draft = try MessageDraft.validate(
                MessageBody(json: data.isNull ? .object([:]) : data, files: reply.files), purpose: .interactionResponse)
            message = try postInteractionMessage(draft, record: record, origin: origin)
            interactions[token]?.log.originalMessageID = message?.id
        case 5:
            let ephemeral = (data["flags"]?.intValue ?? 0) & SandboxMessage.ephemeralFlag
            let placeholder = MessageDraft(files: [], hasOtherContent: true)
            message = try postInteractionMessage(
                placeholder, record: record, origin: origin, extraFlags: ephemeral | SandboxMessage.loadingFlag)
            interactions[token]?.log.originalMessageID = message?.id
        case 7:
            let draft = try MessageDraft.validate(MessageBody(json: data, files: reply.files), purpose: .edit)
            if let source = record.sourceMessageID, self.message(id: source) != nil {
                message = try editMessage(source, with: draft, origin: origin)
            }
        case 9:
            try ModalRules.check(data)
        default:
            break
        }
        interactions[token]?.log.responseType = type
        interactions[token]?.log.responseData = data
        return message
    }

    /// Notes a reply Discord would have refused, so tests can see why "the interaction failed".
    func rejectReply(token: String, reason: String) {
        interactions[token]?.log.rejectedReplies.append(reason)
    }

    func isWithinDeadline(token: String) -> Bool {
        guard let record = interactions[token] else { return false }
        return clock.now - record.issuedAt <= Self.responseDeadline
    }

    private static func allowedCallbacks(for interactionType: Int) -> [Int] {
        switch interactionType {
        case 1: return [1]
        case 2: return [4, 5, 9, 12]
        case 3: return [4, 5, 6, 7, 9, 12]
        case 4: return [8]
        case 5: return [4, 5, 6, 7]
        default: return []
        }
    }

    private func postInteractionMessage(
        _ draft: MessageDraft, record: InteractionRecord, origin: String, extraFlags: Int = 0
    ) throws(SandboxAPIError) -> SandboxMessage {
        guard let channelID = record.log.channelID else { throw .unknownChannel }
        return try postMessage(
            draft, channelID: channelID, author: .interaction(id: record.log.id), origin: origin, extraFlags: extraFlags)
    }

    /// A live interaction token: unknown is 10015, older than the token lifetime is 50027.
    private func liveInteraction(_ token: String) throws(SandboxAPIError) -> InteractionRecord {
        guard let record = interactions[token] else { throw .unknownWebhook }
        guard clock.now - record.issuedAt < configuration.interactionTokenLifetime else { throw .invalidWebhookToken }
        return record
    }

    func followUp(_ call: SandboxCall, token: String) throws(SandboxAPIError) -> SandboxReply {
        let record = try liveInteraction(token)
        let body = try MessageBody.read(
            contentType: call.contentType, body: call.body, parts: call.parts, limits: uploadLimits)
        let draft = try MessageDraft.validate(body, purpose: .interactionResponse)
        let message = try postInteractionMessage(draft, record: record, origin: call.origin)
        interactions[token]?.log.followupMessageIDs.append(message.id)
        // Follow-ups always return the message, whatever `wait` says.
        return .json(render(message))
    }

    func getWebhookMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let id = try ownedMessageID(call)
        guard let message = message(id: id) else { throw .unknownMessage }
        return .json(render(message))
    }

    func editWebhookMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let body = try MessageBody.read(
            contentType: call.contentType, body: call.body, parts: call.parts, limits: uploadLimits)
        let draft = try MessageDraft.validate(body, purpose: .edit)
        let id = try ownedMessageID(call)
        return .json(render(try editMessage(id, with: draft, origin: call.origin)))
    }

    func deleteWebhookMessage(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let id = try ownedMessageID(call)
        deleteMessage(id)
        return .noContent
    }

    /// Resolves `{message_id}` (or `@original`) to a message this webhook or interaction posted.
    /// Like Discord, `@original` exists only once the initial response has been processed: an edit
    /// that overtakes the bot's own HTTP answer gets 404 Unknown Message, and the bot must retry.
    private func ownedMessageID(_ call: SandboxCall) throws(SandboxAPIError) -> String {
        let webhookID = call.parameter("webhook_id")
        let token = call.parameter("webhook_token")
        let requested = call.parameter("message_id")
        if webhookID == configuration.applicationID, interactions[token] != nil {
            let record = try liveInteraction(token)
            if requested == "@original" {
                guard let original = record.log.originalMessageID else { throw .unknownMessage }
                return original
            }
            guard requested == record.log.originalMessageID || record.log.followupMessageIDs.contains(requested) else {
                throw .unknownMessage
            }
            return requested
        }
        let webhook = try webhook(webhookID, token: token)
        guard let message = message(id: requested), case .webhook(let authorID, _) = message.author,
            authorID == webhook.id
        else { throw .unknownMessage }
        return message.id
    }
}
