/// Discord's rules for webhook names (and webhook `username` overrides).
enum WebhookNameRule {
    static let maxLength = 80
    private static let forbiddenSubstrings = ["clyde", "discord"]
    private static let forbiddenNames = ["everyone", "here"]

    /// Adds errors under `path` for a name that breaks the rules; `required` demands presence.
    static func check(_ value: SandboxJSON?, at path: [String], required: Bool, into errors: inout FormErrors) {
        guard let value, !value.isNull else {
            if required { errors.add(path, code: "BASE_TYPE_REQUIRED", message: "This field is required") }
            return
        }
        guard let name = value.stringValue else {
            errors.add(path, code: "BASE_TYPE_STRING", message: "Could not interpret \(value.text) as string.")
            return
        }
        guard (1...maxLength).contains(name.count) else {
            errors.add(path, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and \(maxLength) in length.")
            return
        }
        let lowered = name.lowercased()
        for word in forbiddenSubstrings where lowered.contains(word) {
            errors.add(path, code: "USERNAME_INVALID_CONTAINS", message: "Username cannot contain \"\(word)\"")
            return
        }
        if forbiddenNames.contains(lowered) {
            errors.add(path, code: "USERNAME_INVALID", message: "Username cannot be \"\(lowered)\"")
        }
    }
}
