/// JSON shapes of the control API's answers.
enum ControlRendering {
    /// A recorded request, with the Authorization value redacted: the control API is plain HTTP.
    static func request(_ request: SandboxRecordedRequest) -> SandboxJSON {
        let headers: [SandboxJSON] = request.headers.map { header in
            let redacted = header.name.lowercased() == "authorization"
            return ["name": .string(header.name), "value": .string(redacted ? "[redacted]" : header.value)]
        }
        var object: [String: SandboxJSON] = [
            "sequence": .integer(request.sequence),
            "method": .string(request.method),
            "path": .string(request.path),
            "route": .optional(request.route),
            "query": .object(request.query.mapValues(SandboxJSON.string)),
            "status": request.status.map(SandboxJSON.integer) ?? .null,
            "error_code": request.errorCode.map(SandboxJSON.integer) ?? .null,
            "answer_dropped": .bool(request.answerDropped),
            "had_bot_auth": .bool(request.hadBotAuth),
            "headers": .array(headers),
            "body_size": .integer(request.body.count),
            "parts": .array(
                request.parts.map { part in
                    [
                        "name": .optional(part.name), "filename": .optional(part.filename),
                        "content_type": .optional(part.contentType), "size": .integer(part.body.count),
                    ]
                }),
        ]
        let textLimit = 65_536
        if request.parts.isEmpty, request.body.count <= textLimit, let text = String(validating: request.body, as: UTF8.self) {
            object["body_text"] = .string(text)
        }
        return .object(object)
    }

    static func fault(_ fault: SandboxFault) -> SandboxJSON {
        var object: [String: SandboxJSON] = [
            "route": .string(fault.route.description),
            "count": fault.count.map(SandboxJSON.integer) ?? .null,
            "delay_ms": fault.delay.map { .integer(Int($0.seconds * 1000)) } ?? .null,
        ]
        switch fault.effect {
        case .respond(let status, let code, let message, let retryAfter, let global):
            object["action"] = "respond"
            object["status"] = .integer(status)
            object["code"] = .integer(code)
            object["message"] = .string(message)
            object["retry_after"] = retryAfter.map(SandboxJSON.double) ?? .null
            object["global"] = .bool(global)
        case .dropConnection: object["action"] = "drop"
        case .dropAfterHandling: object["action"] = "drop_after_handling"
        case .hang: object["action"] = "hang"
        case .delayOnly: object["action"] = "delay"
        }
        return .object(object)
    }

    static func webhook(_ webhook: SandboxWebhook) -> SandboxJSON {
        [
            "id": .string(webhook.id),
            "channel_id": .string(webhook.channelID),
            "guild_id": .optional(webhook.guildID),
            "name": .string(webhook.name),
            "application_id": .optional(webhook.applicationID),
            "audit_log_reason": .optional(webhook.auditLogReason),
        ]
    }

    static func interactionLog(_ log: SandboxInteractionLog) -> SandboxJSON {
        [
            "id": .string(log.id),
            "type": .integer(log.type),
            "channel_id": .optional(log.channelID),
            "guild_id": .optional(log.guildID),
            "user_id": .optional(log.userID),
            "response_type": log.responseType.map(SandboxJSON.integer) ?? .null,
            "response_data": log.responseData ?? .null,
            "original_message_id": .optional(log.originalMessageID),
            "followup_message_ids": .array(log.followupMessageIDs.map(SandboxJSON.string)),
            "rejected_replies": .array(log.rejectedReplies.map(SandboxJSON.string)),
        ]
    }
}
