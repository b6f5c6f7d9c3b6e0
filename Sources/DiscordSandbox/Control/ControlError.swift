/// A control API request was wrong; answered as 400 `{"error": "..."}`.
struct ControlError: Error, Sendable {
    let status: Int
    let message: String

    init(_ message: String, status: Int = 400) {
        self.status = status
        self.message = message
    }

    var reply: SandboxReply { .json(["error": .string(message)], status: status) }
}

/// Reading control API request bodies with errors that say what is expected.
struct ControlBody: Sendable {
    let json: SandboxJSON

    init(_ bytes: [UInt8]) throws(ControlError) {
        guard !bytes.isEmpty else {
            self.json = .object([:])
            return
        }
        guard let json = try? SandboxJSON.parse(bytes), json.objectValue != nil else {
            throw ControlError("the body must be a JSON object")
        }
        self.json = json
    }

    func string(_ key: String) throws(ControlError) -> String {
        guard let value = json[key]?.snowflakeValue else {
            throw ControlError("'\(key)' is required and must be a string")
        }
        return value
    }

    func optionalString(_ key: String) -> String? { json[key]?.snowflakeValue }

    func optionalInt(_ key: String) throws(ControlError) -> Int? {
        guard let value = json[key], !value.isNull else { return nil }
        guard let number = value.intValue else { throw ControlError("'\(key)' must be an integer") }
        return number
    }

    func permissions(_ key: String) throws(ControlError) -> SandboxPermissions? {
        guard let value = json[key], !value.isNull else { return nil }
        if let text = value.stringValue, let permissions = SandboxPermissions(decimalString: text) { return permissions }
        if let number = value.intValue, number >= 0 { return SandboxPermissions(rawValue: UInt64(number)) }
        throw ControlError("'\(key)' must be a permission bitfield as a decimal string, e.g. \"536890368\"")
    }
}
