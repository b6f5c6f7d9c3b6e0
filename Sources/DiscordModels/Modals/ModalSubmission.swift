// Reading what a user submitted in a modal. Discord has sent modal inputs in two layouts:
// wrapped in a Label (type 18, `component`) and, before labels existed, in an ActionRow
// (type 1, `components`). Both are read, at any depth, and so are component types this module does
// not know yet (from their raw JSON), so a new Discord layout degrades to "field not found"
// rather than a failure.
extension InteractionData {
    /// Every input found in the submitted components, in order.
    package var submittedFields: [SubmittedField] {
        var fields: [SubmittedField] = []
        for component in components ?? [] {
            Self.collectFields(from: component, into: &fields)
        }
        return fields
    }

    /// The input with this custom id, if the user submitted it.
    package func submittedField(_ customID: String) -> SubmittedField? {
        submittedFields.first { $0.customID == customID }
    }

    /// The submitted text or choice: `value`, else `values[0]`.
    package func submittedValue(_ customID: String) -> String? {
        submittedField(customID)?.firstValue
    }

    /// Ids of the files uploaded through the File Upload with this custom id (digits only; other
    /// entries are skipped).
    package func uploadedAttachmentIDs(_ customID: String) -> [Snowflake] {
        (submittedField(customID)?.values ?? []).compactMap { Snowflake($0) }
    }

    /// The uploaded files' attachment objects, looked up in `resolved.attachments`. Ids Discord
    /// did not resolve are skipped.
    package func uploadedAttachments(_ customID: String) -> [Attachment] {
        let resolvedAttachments = resolved?.attachments ?? [:]
        return uploadedAttachmentIDs(customID).compactMap { resolvedAttachments[$0] }
    }

    private static func collectFields(from component: Component, into fields: inout [SubmittedField]) {
        if let field = field(of: component) { fields.append(field) }
        for child in component.children {
            collectFields(from: child, into: &fields)
        }
    }

    private static func field(of component: Component) -> SubmittedField? {
        switch component {
        case .textInput(let input):
            SubmittedField(customID: input.customID, type: .textInput, value: input.value)
        case .stringSelect(let select):
            SubmittedField(customID: select.customID, type: .stringSelect, values: select.values ?? [])
        case .entitySelect(let select):
            SubmittedField(customID: select.customID, type: select.type, values: select.values ?? [])
        case .fileUpload(let upload):
            SubmittedField(customID: upload.customID, type: .fileUpload, values: upload.values ?? [])
        case .radioGroup(let group):
            SubmittedField(customID: group.customID, type: .radioGroup, value: group.value)
        case .checkboxGroup(let group):
            SubmittedField(customID: group.customID, type: .checkboxGroup, values: group.values ?? [])
        case .checkbox(let box):
            SubmittedField(customID: box.customID, type: .checkbox, isChecked: box.value)
        case .unknown(let type, let raw):
            rawField(type: type, raw: raw)
        default:
            nil
        }
    }

    private static func rawField(type: Int, raw: JSONValue) -> SubmittedField? {
        guard let customID = raw["custom_id"]?.stringValue else { return nil }
        let values = (raw["values"]?.arrayValue ?? []).compactMap { $0.stringValue }
        return SubmittedField(
            customID: customID,
            type: ComponentType(rawValue: type),
            value: raw["value"]?.stringValue,
            values: values,
            isChecked: raw["value"]?.boolValue
        )
    }
}
