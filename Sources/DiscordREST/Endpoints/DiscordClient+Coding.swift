import DiscordModels
import Foundation

extension DiscordClient {
    /// Sends and decodes the answer's JSON body as `T`.
    package func send<T: Decodable>(_ request: DiscordRequest, decoding type: T.Type) async throws -> T {
        let response = try await send(request)
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw DiscordHTTPError(
                kind: .invalidResponse("the body is not a \(T.self): \(String(describing: error).prefix(300))"),
                route: request.route.description,
                status: response.status
            )
        }
    }

    /// Sends and ignores the answer's body (204 No Content endpoints).
    package func sendDiscardingBody(_ request: DiscordRequest) async throws {
        _ = try await send(request)
    }
}

/// Building request bodies.
enum RequestBody {
    static func json(_ value: some Encodable, route: DiscordRoute) throws -> DiscordRequest.Body {
        do {
            return .json(try JSONEncoder().encode(value))
        } catch {
            throw DiscordHTTPError(kind: .invalidRequest("the body cannot be encoded: \(error)"), route: route.description)
        }
    }

    /// JSON when there are no files; otherwise multipart with `payload_json` and `files[n]`.
    /// When the payload lists no attachments, one entry per file is added (`id` = n, filename and
    /// description), as Discord's upload documentation shows.
    static func message(_ payload: MessagePayload, files: [DiscordFile], route: DiscordRoute) throws -> DiscordRequest.Body {
        guard !files.isEmpty else { return try json(payload, route: route) }
        var payload = payload
        if payload.attachments == nil {
            payload.attachments = attachmentReferences(for: files)
        }
        guard case .json(let payloadJSON) = try json(payload, route: route) else {
            return .multipart(payloadJSON: nil, files: files)
        }
        return .multipart(payloadJSON: payloadJSON, files: files)
    }

    /// An interaction callback with files: `payload_json` is the whole interaction response.
    static func interactionResponse(_ response: InteractionResponse, files: [DiscordFile], route: DiscordRoute) throws -> DiscordRequest.Body {
        guard !files.isEmpty else { return try json(response, route: route) }
        var response = response
        if case .message(var payload) = response.data, payload.attachments == nil {
            payload.attachments = attachmentReferences(for: files)
            response.data = .message(payload)
        }
        guard case .json(let payloadJSON) = try json(response, route: route) else {
            return .multipart(payloadJSON: nil, files: files)
        }
        return .multipart(payloadJSON: payloadJSON, files: files)
    }

    static func attachmentReferences(for files: [DiscordFile]) -> [AttachmentReference] {
        files.enumerated().map { index, file in
            AttachmentReference(uploadIndex: index, filename: file.filename, description: file.description)
        }
    }
}
