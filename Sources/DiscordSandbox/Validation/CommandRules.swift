/// Discord's checks on application command definitions for bulk overwrite.
enum CommandRules {
    static let maxCommandsPerType = 100
    static let maxNameLength = 32
    static let maxDescriptionLength = 100
    static let maxOptions = 25

    /// Validates the whole array, naming each bad field by index (`0.name`, `3.options.1.description`).
    static func check(_ body: SandboxJSON) throws(SandboxAPIError) -> [SandboxJSON] {
        guard let commands = body.arrayValue else {
            throw .invalidField([], code: "BASE_TYPE_LIST", message: "Only iterables may be used in a ListType")
        }
        var errors = FormErrors()
        var seen: Set<String> = []
        var perType: [Int: Int] = [:]
        for (index, command) in commands.enumerated() {
            let path = [String(index)]
            guard case .object = command else {
                errors.add(path, code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
                continue
            }
            let type = command["type"]?.intValue ?? 1
            guard (1...4).contains(type) else {
                errors.add(path + ["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of {1, 2, 3, 4}.")
                continue
            }
            perType[type, default: 0] += 1
            checkName(command["name"], slashStyle: type == 1, at: path + ["name"], into: &errors)
            checkDescription(command["description"], required: type == 1, at: path + ["description"], into: &errors)
            if let options = command["options"], !options.isNull {
                checkOptions(options, at: path + ["options"], into: &errors)
            }
            if let name = command["name"]?.stringValue, !seen.insert("\(type)|\(name)").inserted {
                errors.add(
                    path + ["name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    message: "Application command names must be unique")
            }
        }
        if perType.values.contains(where: { $0 > maxCommandsPerType }) {
            errors.add(
                [], code: "BASE_TYPE_MAX_LENGTH",
                message: "At most \(maxCommandsPerType) commands of each type may be registered.")
        }
        guard errors.isEmpty else { throw .invalidFormBody(errors) }
        return commands
    }

    /// Slash command and option names: 1-32 lowercase letters, digits, `-`, `_` or `'`
    /// (any script's letters, including Devanagari and Thai marks).
    static func isValidSlashName(_ name: String) -> Bool {
        guard (1...maxNameLength).contains(name.count), name == name.lowercased() else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            if "-_'".unicodeScalars.contains(scalar) { return true }
            if (0x0900...0x097F).contains(scalar.value) || (0x0E00...0x0E7F).contains(scalar.value) { return true }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    private static func checkName(_ value: SandboxJSON?, slashStyle: Bool, at path: [String], into errors: inout FormErrors) {
        guard let name = value?.stringValue else {
            errors.add(path, code: "BASE_TYPE_REQUIRED", message: "This field is required")
            return
        }
        let valid = slashStyle ? isValidSlashName(name) : (1...maxNameLength).contains(name.count)
        if !valid {
            errors.add(path, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid")
        }
    }

    private static func checkDescription(
        _ value: SandboxJSON?, required: Bool, at path: [String], into errors: inout FormErrors
    ) {
        let description = value?.stringValue ?? ""
        if required {
            if !(1...maxDescriptionLength).contains(description.count) {
                errors.add(
                    path, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and \(maxDescriptionLength) in length.")
            }
        } else if !description.isEmpty {
            errors.add(
                path, code: "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED",
                message: "Only chat input commands may have a description")
        }
    }

    private static func checkOptions(_ value: SandboxJSON, at path: [String], into errors: inout FormErrors) {
        guard let options = value.arrayValue else {
            errors.add(path, code: "BASE_TYPE_LIST", message: "Only iterables may be used in a ListType")
            return
        }
        if options.count > maxOptions {
            errors.add(path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be \(maxOptions) or fewer in length.")
        }
        for (index, option) in options.enumerated() {
            let optionPath = path + [String(index)]
            guard let type = option["type"]?.intValue, (1...11).contains(type) else {
                errors.add(optionPath + ["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of 1 to 11.")
                continue
            }
            checkName(option["name"], slashStyle: true, at: optionPath + ["name"], into: &errors)
            checkDescription(option["description"], required: true, at: optionPath + ["description"], into: &errors)
            if let nested = option["options"], !nested.isNull {
                checkOptions(nested, at: optionPath + ["options"], into: &errors)
            }
        }
    }
}
