import Foundation

/// Storing messages and their files, and rendering them as Discord's Message object.
extension SandboxState {
    func postMessage(
        _ draft: MessageDraft, channelID: String, author: SandboxMessage.Author, origin: String, extraFlags: Int = 0
    ) throws(SandboxAPIError) -> SandboxMessage {
        let files = try storeAttachments(draft, channelID: channelID, origin: origin, keeping: [])
        var applicationID: String?
        if case .webhook(let webhookID, _) = author {
            applicationID = webhooks.first { $0.id == webhookID }?.applicationID
        }
        let message = SandboxMessage(
            id: makeID(), channelID: channelID, author: author, content: draft.content ?? "",
            components: draft.components ?? [], embeds: draft.embeds ?? [], flags: (draft.flags ?? 0) | extraFlags,
            attachments: files, applicationID: applicationID, createdAt: now(), editedAt: nil)
        messages[channelID, default: []].append(message)
        return message
    }

    /// Applies only the fields the edit names, as Discord's PATCH does.
    func editMessage(_ messageID: String, with draft: MessageDraft, origin: String) throws(SandboxAPIError)
        -> SandboxMessage
    {
        guard let existing = message(id: messageID) else { throw .unknownMessage }
        var updated = existing
        if let content = draft.content { updated.content = content }
        if let components = draft.components { updated.components = components }
        if let embeds = draft.embeds { updated.embeds = embeds }
        if let flags = draft.flags {
            // Loading clears once a deferred reply is filled; ephemerality cannot change after posting.
            updated.flags = (flags & ~SandboxMessage.ephemeralFlag) | (existing.flags & SandboxMessage.ephemeralFlag)
        }
        updated.flags &= ~SandboxMessage.loadingFlag
        updated.attachments = try storeAttachments(
            draft, channelID: existing.channelID, origin: origin, keeping: existing.attachments)
        updated.editedAt = now()
        replace(updated)
        return updated
    }

    /// Removes the message and its files: like Discord's CDN, their URLs stop working.
    func deleteMessage(_ messageID: String) {
        for key in messages.keys {
            guard let index = messages[key]?.firstIndex(where: { $0.id == messageID }) else { continue }
            if let removed = messages[key]?.remove(at: index) {
                for attachment in removed.attachments { attachments[attachment.id] = nil }
            }
        }
    }

    private func replace(_ message: SandboxMessage) {
        guard let index = messages[message.channelID]?.firstIndex(where: { $0.id == message.id }) else { return }
        messages[message.channelID]?[index] = message
    }

    /// Gives uploaded files ids and URLs. The payload's `attachments` entries refer to
    /// `files[n]` by n, or (when editing) to attachments the message already has.
    private func storeAttachments(
        _ draft: MessageDraft, channelID: String, origin: String, keeping existing: [SandboxAttachment]
    ) throws(SandboxAPIError) -> [SandboxAttachment] {
        var result: [SandboxAttachment] = draft.attachmentReferences == nil ? existing : []
        var usedFiles: Set<Int> = []
        var errors = FormErrors()
        for (position, reference) in (draft.attachmentReferences ?? []).enumerated() {
            if let index = Int(reference.id), let file = draft.files.first(where: { $0.index == index }) {
                usedFiles.insert(index)
                result.append(
                    storeFile(
                        file, filename: reference.filename, description: reference.description, channelID: channelID,
                        origin: origin))
            } else if let kept = existing.first(where: { $0.id == reference.id }) {
                result.append(kept)
            } else {
                errors.add(
                    ["attachments", String(position), "id"], code: "ATTACHMENT_NOT_FOUND",
                    message: "No files[\(reference.id)] part and no existing attachment with id \(reference.id)")
            }
        }
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        for file in draft.files where !usedFiles.contains(file.index) {
            result.append(storeFile(file, filename: nil, description: nil, channelID: channelID, origin: origin))
        }
        return result
    }

    private func storeFile(
        _ file: UploadedFile, filename: String?, description: String?, channelID: String, origin: String
    ) -> SandboxAttachment {
        var bytes = file.bytes
        if !pendingUploadCorruptions.isEmpty, !bytes.isEmpty {
            let offset = pendingUploadCorruptions.removeFirst()
            bytes[min(offset, bytes.count - 1)] ^= 0xFF
        }
        return storeAttachment(
            bytes: bytes, filename: filename ?? file.filename, contentType: file.contentType,
            description: description, channelID: channelID, origin: origin, ephemeral: false)
    }

    func storeAttachment(
        bytes: [UInt8], filename: String, contentType: String?, description: String?, channelID: String,
        origin: String, ephemeral: Bool
    ) -> SandboxAttachment {
        let id = makeID()
        let encodedName = filename.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
        let attachment = SandboxAttachment(
            id: id, channelID: channelID, filename: filename, contentType: contentType ?? Self.guessContentType(filename),
            description: description, bytes: bytes, url: "\(origin)/attachments/\(channelID)/\(id)/\(encodedName)",
            ephemeral: ephemeral)
        attachments[id] = attachment
        return attachment
    }

    private static func guessContentType(_ filename: String) -> String? {
        let lowered = filename.lowercased()
        if lowered.hasSuffix(".json") { return "application/json" }
        if lowered.hasSuffix(".gz") { return "application/gzip" }
        if lowered.hasSuffix(".txt") { return "text/plain; charset=utf-8" }
        if lowered.hasSuffix(".png") { return "image/png" }
        return nil
    }

    /// The message as Discord's API returns it, attachment URLs freshly signed.
    func render(_ message: SandboxMessage) -> SandboxJSON {
        let files = message.attachments.map { SandboxRendering.attachment($0, signedURL: signedURL(for: $0)) }
        switch message.author {
        case .bot:
            return SandboxRendering.message(
                message, author: SandboxRendering.user(botUser), applicationID: nil, interaction: nil, attachments: files)
        case .webhook(let id, let username):
            return SandboxRendering.message(
                message, author: SandboxRendering.webhookAuthor(id: id, username: username),
                applicationID: message.applicationID, interaction: nil, attachments: files)
        case .interaction(let interactionID):
            let type = interactions.values.first { $0.log.id == interactionID }?.log.type ?? 2
            return SandboxRendering.message(
                message, author: SandboxRendering.user(botUser), applicationID: configuration.applicationID,
                interaction: (interactionID, type), attachments: files)
        case .user(let userID):
            let author = users[userID] ?? SandboxUser(id: userID, username: "user-\(userID)", isBot: false)
            return SandboxRendering.message(
                message, author: SandboxRendering.user(author), applicationID: nil, interaction: nil, attachments: files)
        }
    }
}
