import Foundation

/// A small HTTP API under `/sandbox` so another process can set up, drive and inspect the
/// sandbox. Answers are JSON; errors are `{"error": "..."}` saying what is expected.
struct ControlAPI: Sendable {
    let sandbox: DiscordSandbox

    func serve(_ exchange: SandboxExchange) async -> SandboxReply {
        guard case .complete(let bytes) = exchange.body else {
            return ControlError("the request body is too large", status: 413).reply
        }
        do {
            return try await route(exchange, body: bytes)
        } catch let error as ControlError {
            return error.reply
        } catch {
            return ControlError("\(error)").reply
        }
    }

    private func route(_ exchange: SandboxExchange, body: [UInt8]) async throws -> SandboxReply {
        let path = exchange.segments.dropFirst().joined(separator: "/")
        switch (exchange.method, path) {
        case ("GET", "info"): return await info()
        case ("GET", "messages"): return try await messages(exchange.query)
        case ("GET", "requests"): return await requests(exchange.query)
        case ("DELETE", "requests"):
            await sandbox.clearRecordedRequests()
            return .noContent
        case ("GET", "webhooks"):
            let channelID = try requiredQuery(exchange.query, "channel_id")
            return .json(.array(await sandbox.webhooks(inChannel: channelID).map(ControlRendering.webhook)))
        case ("GET", "faults"): return .json(.array(await sandbox.activeFaults().map(ControlRendering.fault)))
        case ("POST", "faults"):
            let fault = try ControlFaultSpec.parse(try ControlBody(body))
            await sandbox.injectFault(fault)
            return .json(ControlRendering.fault(fault), status: 201)
        case ("DELETE", "faults"):
            await sandbox.clearFaults()
            return .noContent
        case ("POST", "rate-limits"): return try await addRateLimit(try ControlBody(body))
        case ("POST", "guilds"), ("POST", "channels"), ("POST", "users"), ("POST", "members"):
            return try await ControlWorldSetup(sandbox: sandbox).create(path, body: try ControlBody(body))
        case ("POST", "attachments/corrupt-next"):
            let body = try ControlBody(body)
            let count = try body.optionalInt("count") ?? 1
            let offset = try body.optionalInt("offset") ?? 0
            do {
                try await sandbox.corruptNextUploads(count, atOffset: offset)
            } catch {
                throw ControlError(error.description)
            }
            return .json(["count": .integer(count), "offset": .integer(offset)], status: 201)
        case ("POST", _) where path.hasPrefix("attachments/") && path.hasSuffix("/corrupt"):
            let id = String(path.dropFirst("attachments/".count).dropLast("/corrupt".count))
            let offset = try ControlBody(body).optionalInt("offset") ?? 0
            do {
                try await sandbox.corruptAttachment(id: id, atOffset: offset)
            } catch {
                throw ControlError(error.description, status: 404)
            }
            return .json(["attachment_id": .string(id), "offset": .integer(offset)])
        case ("POST", "interactions"):
            return try await ControlInteractions(sandbox: sandbox).send(try ControlBody(body))
        case ("GET", _) where path.hasPrefix("interactions/"):
            let id = String(path.dropFirst("interactions/".count))
            guard let log = await sandbox.interactionLog(id: id) else {
                throw ControlError("no interaction with id \(id)", status: 404)
            }
            return .json(ControlRendering.interactionLog(log))
        default:
            throw ControlError(
                "unknown control route \(exchange.method) /sandbox/\(path); see GET /sandbox/info for the list",
                status: 404)
        }
    }

    private static let routes: [SandboxJSON] = [
        "GET /sandbox/info", "GET /sandbox/messages?channel_id=", "GET /sandbox/requests?since=",
        "DELETE /sandbox/requests", "GET /sandbox/webhooks?channel_id=", "GET /sandbox/faults",
        "POST /sandbox/faults", "DELETE /sandbox/faults", "POST /sandbox/rate-limits", "POST /sandbox/guilds",
        "POST /sandbox/channels", "POST /sandbox/users", "POST /sandbox/members", "POST /sandbox/interactions",
        "POST /sandbox/attachments/{id}/corrupt", "POST /sandbox/attachments/corrupt-next",
        "GET /sandbox/interactions/{id}",
    ]

    private func info() async -> SandboxReply {
        .json([
            "api_base_url": .optional(sandbox.baseURL?.absoluteString),
            "public_key": .string(sandbox.publicKeyHex),
            "application_id": .string(sandbox.configuration.applicationID),
            "bot_user_id": .string(sandbox.configuration.botUser.id),
            "routes": .array(Self.routes),
        ])
    }

    private func messages(_ query: [String: String]) async throws -> SandboxReply {
        let channelID = try requiredQuery(query, "channel_id")
        var rendered: [SandboxJSON] = []
        for message in await sandbox.messages(inChannel: channelID) {
            rendered.append(await sandbox.messageJSON(message))
        }
        return .json(.array(rendered))
    }

    private func requests(_ query: [String: String]) async -> SandboxReply {
        let since = query["since"].flatMap(Int.init) ?? 0
        let list = await sandbox.recordedRequests().filter { $0.sequence >= since }
        return .json(.array(list.map(ControlRendering.request)))
    }

    private func addRateLimit(_ body: ControlBody) async throws -> SandboxReply {
        let route = try body.string("route")
        guard let limit = try body.optionalInt("limit") else { throw ControlError("'limit' is required (requests per window)") }
        let windowMilliseconds = try body.optionalInt("window_ms") ?? 1000
        do {
            await sandbox.addRateLimit(try SandboxRateLimitRule(route, limit: limit, per: .milliseconds(windowMilliseconds)))
        } catch {
            throw ControlError(error.description)
        }
        return .json(["route": .string(route), "limit": .integer(limit), "window_ms": .integer(windowMilliseconds)], status: 201)
    }

    private func requiredQuery(_ query: [String: String], _ name: String) throws(ControlError) -> String {
        guard let value = query[name], !value.isEmpty else { throw ControlError("query parameter '\(name)' is required") }
        return value
    }
}
