/// The component checks Discord applies to message `components`, for legacy action rows
/// and for Components V2 layouts.
enum ComponentRules {
    static let maxCustomIDLength = 100
    static let maxLegacyRows = 5
    static let maxRowChildren = 5
    static let maxTotalV2Components = 40
    private static let actionRow = 1
    private static let button = 2
    private static let linkButtonStyle = 5
    private static let premiumButtonStyle = 6

    static func check(_ components: SandboxJSON, componentsV2: Bool, into errors: inout FormErrors) {
        let path = ["components"]
        guard let items = components.arrayValue else {
            errors.add(path, code: "BASE_TYPE_LIST", message: "Only iterables may be used in a ListType")
            return
        }
        if componentsV2 {
            let total = countComponents(items)
            if total > maxTotalV2Components {
                errors.add(
                    path, code: "BASE_TYPE_MAX_LENGTH",
                    message: "Messages may hold at most \(maxTotalV2Components) components in total, got \(total)")
            }
        } else if items.count > maxLegacyRows {
            errors.add(path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(maxLegacyRows) or fewer in length.")
        }
        for (index, item) in items.enumerated() {
            let itemPath = path + [String(index)]
            if !componentsV2, let type = item["type"]?.intValue, type != actionRow {
                errors.add(
                    itemPath + ["type"], code: "UNION_TYPE_CHOICES",
                    message:
                        "Value of field \"type\" must be one of (1,). Layout components need the IS_COMPONENTS_V2 flag (32768)."
                )
                continue
            }
            checkComponent(item, at: itemPath, into: &errors)
        }
    }

    private static func checkComponent(_ component: SandboxJSON, at path: [String], into errors: inout FormErrors) {
        guard case .object = component else {
            errors.add(path, code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
            return
        }
        guard let type = component["type"]?.intValue else {
            errors.add(path + ["type"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            return
        }
        if let customID = component["custom_id"] {
            if let text = customID.stringValue {
                if text.isEmpty || text.count > maxCustomIDLength {
                    errors.add(
                        path + ["custom_id"], code: "BASE_TYPE_BAD_LENGTH",
                        message: "Must be between 1 and \(maxCustomIDLength) in length.")
                }
            } else {
                errors.add(
                    path + ["custom_id"], code: "BASE_TYPE_STRING", message: "Could not interpret \(customID.text) as string.")
            }
        }
        if type == button { checkButton(component, at: path, into: &errors) }
        if let children = component["components"]?.arrayValue {
            if type == actionRow && !(1...maxRowChildren).contains(children.count) {
                errors.add(
                    path + ["components"], code: "BASE_TYPE_BAD_LENGTH",
                    message: "Must be between 1 and \(maxRowChildren) in length.")
            }
            for (index, child) in children.enumerated() {
                checkComponent(child, at: path + ["components", String(index)], into: &errors)
            }
        }
        if let accessory = component["accessory"] {
            checkComponent(accessory, at: path + ["accessory"], into: &errors)
        }
    }

    private static func checkButton(_ button: SandboxJSON, at path: [String], into errors: inout FormErrors) {
        let style = button["style"]?.intValue ?? 0
        guard (1...6).contains(style) else {
            errors.add(path + ["style"], code: "BASE_TYPE_CHOICES", message: "Value must be one of {1, 2, 3, 4, 5, 6}.")
            return
        }
        if style == linkButtonStyle {
            if button["url"]?.stringValue == nil {
                errors.add(path + ["url"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            }
        } else if style != premiumButtonStyle && button["custom_id"]?.stringValue == nil {
            errors.add(path + ["custom_id"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
        }
    }

    /// Every component in the tree, nested children and accessories included.
    static func countComponents(_ items: [SandboxJSON]) -> Int {
        items.reduce(0) { total, item in
            var count = total + 1
            if let children = item["components"]?.arrayValue { count += countComponents(children) }
            if let accessory = item["accessory"] { count += countComponents([accessory]) }
            return count
        }
    }
}
