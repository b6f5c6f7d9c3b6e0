/// A validated message body: the fields the sandbox stores, before attachments get ids.
struct MessageDraft: Sendable {
    /// What the body is for; each allows slightly different fields.
    enum Purpose: Sendable {
        case channelMessage
        case webhookExecution
        case interactionResponse
        case edit
    }

    /// An entry of the payload's `attachments` array.
    struct AttachmentReference: Sendable {
        let id: String
        let filename: String?
        let description: String?
    }

    var content: String?
    var embeds: SandboxJSON?
    var components: SandboxJSON?
    var flags: Int?
    var attachmentReferences: [AttachmentReference]?
    var username: String?
    var files: [UploadedFile]
    /// Stickers or a poll: content that is neither text, embeds, components nor files.
    var hasOtherContent: Bool

    static let maxContentLength = 2000
    static let maxEmbeds = 10

    /// Validates `body` as Discord does, naming every field that is wrong.
    static func validate(_ body: MessageBody, purpose: Purpose) throws(SandboxAPIError) -> MessageDraft {
        let json = body.json
        guard case .object(let object) = json else {
            throw .invalidField([], code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
        }
        var errors = FormErrors()
        var draft = MessageDraft(files: body.files, hasOtherContent: false)
        draft.content = checkContent(object["content"], into: &errors)
        draft.flags = checkFlags(object["flags"], into: &errors)
        let componentsV2 = (draft.flags ?? 0) & SandboxMessage.componentsV2Flag != 0
        if let embeds = object["embeds"], !embeds.isNull {
            checkEmbeds(embeds, into: &errors)
            draft.embeds = embeds
        }
        if let components = object["components"], !components.isNull {
            ComponentRules.check(components, componentsV2: componentsV2, into: &errors)
            draft.components = components
        }
        if componentsV2 { checkNoLegacyFields(draft, into: &errors) }
        draft.attachmentReferences = checkAttachments(object["attachments"], into: &errors)
        if purpose == .webhookExecution {
            WebhookNameRule.check(object["username"], at: ["username"], required: false, into: &errors)
            draft.username = object["username"]?.stringValue
        }
        let stickers = object["sticker_ids"]?.arrayValue ?? []
        draft.hasOtherContent = !stickers.isEmpty || (object["poll"].map { !$0.isNull } ?? false)
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        if purpose != .edit && draft.isEmpty { throw .emptyMessage }
        return draft
    }

    private var isEmpty: Bool {
        let hasContent = !(content ?? "").isEmpty
        let hasEmbeds = !(embeds?.arrayValue ?? []).isEmpty
        let hasComponents = !(components?.arrayValue ?? []).isEmpty
        return !hasContent && !hasEmbeds && !hasComponents && files.isEmpty && !hasOtherContent
    }

    private static func checkContent(_ value: SandboxJSON?, into errors: inout FormErrors) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let content = value.stringValue else {
            errors.add(["content"], code: "BASE_TYPE_STRING", message: "Could not interpret \(value.text) as string.")
            return nil
        }
        // Discord counts code points, not UTF-8 bytes or grapheme clusters.
        if content.unicodeScalars.count > maxContentLength {
            errors.add(
                ["content"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(maxContentLength) or fewer in length.")
        }
        return content
    }

    private static func checkFlags(_ value: SandboxJSON?, into errors: inout FormErrors) -> Int? {
        guard let value, !value.isNull else { return nil }
        guard let flags = value.intValue, flags >= 0 else {
            errors.add(["flags"], code: "NUMBER_TYPE_COERCE", message: "Value \(value.text) is not int.")
            return nil
        }
        return flags
    }

    private static func checkEmbeds(_ embeds: SandboxJSON, into errors: inout FormErrors) {
        guard let items = embeds.arrayValue else {
            errors.add(["embeds"], code: "BASE_TYPE_LIST", message: "Only iterables may be used in a ListType")
            return
        }
        if items.count > maxEmbeds {
            errors.add(["embeds"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(maxEmbeds) or fewer in length.")
        }
        for (index, item) in items.enumerated() where item.objectValue == nil {
            errors.add(
                ["embeds", String(index)], code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
        }
    }

    private static func checkNoLegacyFields(_ draft: MessageDraft, into errors: inout FormErrors) {
        if !(draft.content ?? "").isEmpty {
            errors.add(
                ["content"], code: "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                message: "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2")
        }
        if !(draft.embeds?.arrayValue ?? []).isEmpty {
            errors.add(
                ["embeds"], code: "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                message: "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2")
        }
    }

    private static func checkAttachments(_ value: SandboxJSON?, into errors: inout FormErrors) -> [AttachmentReference]? {
        guard let value, !value.isNull else { return nil }
        guard let items = value.arrayValue else {
            errors.add(["attachments"], code: "BASE_TYPE_LIST", message: "Only iterables may be used in a ListType")
            return nil
        }
        var references: [AttachmentReference] = []
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.snowflakeValue else {
                errors.add(["attachments", String(index), "id"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
                continue
            }
            references.append(
                AttachmentReference(
                    id: id, filename: item["filename"]?.stringValue, description: item["description"]?.stringValue))
        }
        return references
    }
}
