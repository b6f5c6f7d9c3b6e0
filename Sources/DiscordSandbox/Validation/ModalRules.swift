/// Checks on a modal (callback type 9): Discord refuses modals without an id, a title or inputs.
enum ModalRules {
    static let maxTitleLength = 45
    static let maxComponents = 5

    static func check(_ data: SandboxJSON) throws(SandboxAPIError) {
        var errors = FormErrors()
        let customID = data["custom_id"]?.stringValue ?? ""
        if !(1...ComponentRules.maxCustomIDLength).contains(customID.count) {
            errors.add(
                ["data", "custom_id"], code: "BASE_TYPE_BAD_LENGTH",
                message: "Must be between 1 and \(ComponentRules.maxCustomIDLength) in length.")
        }
        let title = data["title"]?.stringValue ?? ""
        if !(1...maxTitleLength).contains(title.count) {
            errors.add(
                ["data", "title"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and \(maxTitleLength) in length.")
        }
        let components = data["components"]?.arrayValue ?? []
        if !(1...maxComponents).contains(components.count) {
            errors.add(
                ["data", "components"], code: "BASE_TYPE_BAD_LENGTH",
                message: "Must be between 1 and \(maxComponents) in length.")
        }
        for (index, component) in components.enumerated() {
            checkTopLevel(component, at: ["data", "components", String(index)], into: &errors)
        }
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
    }

    /// Labels (18) wrap one input; legacy action rows (1) wrap one text input; text displays (10) stand alone.
    private static func checkTopLevel(_ component: SandboxJSON, at path: [String], into errors: inout FormErrors) {
        switch component["type"]?.intValue {
        case 18:
            let label = component["label"]?.stringValue ?? ""
            if !(1...maxTitleLength).contains(label.count) {
                errors.add(
                    path + ["label"], code: "BASE_TYPE_BAD_LENGTH",
                    message: "Must be between 1 and \(maxTitleLength) in length.")
            }
            guard let inner = component["component"] else {
                errors.add(path + ["component"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
                return
            }
            checkInput(inner, at: path + ["component"], into: &errors)
        case 1:
            let children = component["components"]?.arrayValue ?? []
            guard children.count == 1 else {
                errors.add(path + ["components"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 1 in length.")
                return
            }
            checkInput(children[0], at: path + ["components", "0"], into: &errors)
        case 10:
            if component["content"]?.stringValue == nil {
                errors.add(path + ["content"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            }
        default:
            errors.add(
                path + ["type"], code: "UNION_TYPE_CHOICES",
                message: "Value of field \"type\" must be one of (1, 10, 18).")
        }
    }

    private static func checkInput(_ input: SandboxJSON, at path: [String], into errors: inout FormErrors) {
        guard input["type"]?.intValue != nil else {
            errors.add(path + ["type"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            return
        }
        let customID = input["custom_id"]?.stringValue ?? ""
        if !(1...ComponentRules.maxCustomIDLength).contains(customID.count) {
            errors.add(
                path + ["custom_id"], code: "BASE_TYPE_BAD_LENGTH",
                message: "Must be between 1 and \(ComponentRules.maxCustomIDLength) in length.")
        }
    }
}
