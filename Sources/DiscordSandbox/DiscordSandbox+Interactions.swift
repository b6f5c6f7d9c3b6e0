import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// Playing Discord's side of interactions: issue them, sign them, deliver them to the bot.
extension DiscordSandbox {
    /// How long to wait for the bot's HTTP reply before giving up (Discord gives up after 3 s
    /// and shows "This interaction failed"; the longer timeout lets tests see late replies).
    static let deliveryTimeout: TimeAmount = .seconds(30)
    static let maxReplySize = 32 * 1_048_576

    /// Issues an interaction in a channel as a user (guild member or DM user) and registers its token.
    package func makeInteraction(
        _ kind: SandboxInteractionKind, channelID: String? = nil, userID: String? = nil
    ) async throws -> SandboxInteraction {
        try await state.issueInteraction(kind, channelID: channelID, userID: userID)
    }

    /// Stores a file a user "uploaded" into a modal's File Upload, served like any attachment.
    /// Pass the result to `SandboxModalField.fileUpload`.
    package func uploadInteractionAttachment(
        filename: String, bytes: [UInt8], contentType: String? = "application/json", channelID: String
    ) async throws -> SandboxAttachment {
        guard await state.channel(channelID) != nil else {
            throw SandboxConfigurationError("unknown channel \(channelID); add it before uploading attachments")
        }
        return await state.storeAttachment(
            bytes: bytes, filename: filename, contentType: contentType, description: nil, channelID: channelID,
            origin: origin, ephemeral: true)
    }

    /// Issues an interaction and delivers it to the bot at `botURL` (its `/interactions` endpoint).
    package func sendInteraction(
        _ kind: SandboxInteractionKind, channelID: String? = nil, userID: String? = nil, to botURL: URL,
        signing: SandboxSignatureMode = .valid
    ) async throws -> SandboxInteractionDelivery {
        let interaction = try await makeInteraction(kind, channelID: channelID, userID: userID)
        return try await sendInteraction(interaction, to: botURL, signing: signing)
    }

    /// Delivers an issued interaction, signed as Discord signs, and records the bot's reply.
    package func sendInteraction(
        _ interaction: SandboxInteraction, to botURL: URL, signing: SandboxSignatureMode = .valid
    ) async throws -> SandboxInteractionDelivery {
        try await deliver(body: interaction.body, interaction: interaction, to: botURL, signing: signing)
    }

    /// Delivers arbitrary bytes as an interaction body (for malformed-payload tests).
    package func sendInteraction(
        rawBody: [UInt8], to botURL: URL, signing: SandboxSignatureMode = .valid
    ) async throws -> SandboxInteractionDelivery {
        try await deliver(body: rawBody, interaction: nil, to: botURL, signing: signing)
    }

    /// The hex signature Discord would send for `body` at `timestamp`.
    package func signature(for body: [UInt8], timestamp: String) throws -> String {
        try signer.signature(for: body, timestamp: timestamp)
    }

    private func deliver(
        body: [UInt8], interaction: SandboxInteraction?, to botURL: URL, signing: SandboxSignatureMode
    ) async throws -> SandboxInteractionDelivery {
        var request = HTTPClientRequest(url: botURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Discord-Interactions/1.0 (+https://discord.com)")
        for (name, value) in try signatureHeaders(for: body, mode: signing) {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let sentAt = clock.now
        let response = try await httpClient.execute(request, timeout: Self.deliveryTimeout)
        let replyBytes = Array(buffer: try await response.body.collect(upTo: Self.maxReplySize))
        let elapsed = clock.now - sentAt
        let headers = response.headers.map { SandboxHeader(name: $0.name, value: $0.value) }
        var rejection: String?
        if let interaction {
            rejection = await recordReply(
                to: interaction, status: Int(response.status.code), headers: headers, body: replyBytes)
        }
        return SandboxInteractionDelivery(
            interaction: interaction, status: Int(response.status.code), headers: headers, body: replyBytes,
            elapsed: elapsed, rejection: rejection)
    }

    private func signatureHeaders(for body: [UInt8], mode: SandboxSignatureMode) throws -> [(String, String)] {
        let now = String(Int(configuration.wallClock().timeIntervalSince1970))
        switch mode {
        case .missing:
            return []
        case .valid:
            return [("X-Signature-Ed25519", try signer.signature(for: body, timestamp: now)), ("X-Signature-Timestamp", now)]
        case .timestamp(let timestamp):
            return [
                ("X-Signature-Ed25519", try signer.signature(for: body, timestamp: timestamp)),
                ("X-Signature-Timestamp", timestamp),
            ]
        case .wrongKey:
            let stranger = InteractionSigner(privateKey: .init())
            return [("X-Signature-Ed25519", try stranger.signature(for: body, timestamp: now)), ("X-Signature-Timestamp", now)]
        }
    }

    /// Applies the bot's HTTP reply as Discord would; returns why it was refused, if it was.
    private func recordReply(
        to interaction: SandboxInteraction, status: Int, headers: [SandboxHeader], body: [UInt8]
    ) async -> String? {
        let token = interaction.token
        let reason: String?
        if status != 200 {
            reason = "the bot answered HTTP \(status), not 200"
        } else if await !state.isWithinDeadline(token: token) {
            reason = "the bot answered after Discord's 3-second deadline"
        } else {
            reason = await applyReply(token: token, headers: headers, body: body)
        }
        if let reason { await state.rejectReply(token: token, reason: reason) }
        return reason
    }

    private func applyReply(token: String, headers: [SandboxHeader], body: [UInt8]) async -> String? {
        let contentType = headers.value(of: "Content-Type")
        do {
            var parts: [SandboxMultipartPart]?
            if let contentType, MultipartBody.isMultipart(contentType) {
                parts = try MultipartBody.parse(contentType: contentType, body: body)
            }
            let reply = try MessageBody.read(
                contentType: contentType, body: body, parts: parts, limits: await state.uploadLimits)
            try await state.acknowledge(token: token, reply: reply, origin: origin)
            return nil
        } catch let error as SandboxAPIError {
            let details = error.errors.map { " \($0.text)" } ?? ""
            return "Discord would refuse the reply: \(error.code) \(error.message)\(details)"
        } catch let error as MultipartBody.MalformedError {
            return "Discord would refuse the reply: \(error.reason)"
        } catch {
            return "Discord would refuse the reply: \(error)"
        }
    }
}
