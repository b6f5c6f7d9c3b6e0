/// One input of a submitted modal, whatever component carried it.
package struct SubmittedField: Sendable, Hashable {
    package var customID: String
    package var type: ComponentType
    /// A text input's text or a radio group's choice.
    package var value: String?
    /// Chosen options or ids (selects, checkbox groups) or uploaded attachment ids (file upload).
    package var values: [String]
    /// A checkbox's state.
    package var isChecked: Bool?

    package init(customID: String, type: ComponentType, value: String? = nil, values: [String] = [], isChecked: Bool? = nil) {
        self.customID = customID
        self.type = type
        self.value = value
        self.values = values
        self.isChecked = isChecked
    }

    /// `value`, else the first of `values`, else a checkbox state as "true"/"false".
    package var firstValue: String? {
        value ?? values.first ?? isChecked.map { $0 ? "true" : "false" }
    }
}
