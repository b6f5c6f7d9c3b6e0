/// An error response exactly as Discord shapes it: an HTTP status plus
/// `{"code": N, "message": "...", "errors": {...}}`.
struct SandboxAPIError: Error, Sendable {
    let status: Int
    let code: Int
    let message: String
    var errors: SandboxJSON?
    var extraFields: [String: SandboxJSON] = [:]
    var extraHeaders: [SandboxHeader] = []

    init(status: Int, code: Int, message: String, errors: SandboxJSON? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
    }

    var json: SandboxJSON {
        var object = extraFields
        object["code"] = .integer(code)
        object["message"] = .string(message)
        if let errors { object["errors"] = errors }
        return .object(object)
    }
}

extension SandboxAPIError {
    static let unauthorized = SandboxAPIError(status: 401, code: 0, message: "401: Unauthorized")
    static let notFound = SandboxAPIError(status: 404, code: 0, message: "404: Not Found")
    static let methodNotAllowed = SandboxAPIError(status: 405, code: 0, message: "405: Method Not Allowed")
    static let badRequest = SandboxAPIError(status: 400, code: 0, message: "400: Bad Request")
    /// What Discord's edge answers to clients without a `DiscordBot` User-Agent.
    static let blockedUserAgent = SandboxAPIError(status: 403, code: 40333, message: "internal network error")
    static let unknownChannel = SandboxAPIError(status: 404, code: 10003, message: "Unknown Channel")
    static let unknownMessage = SandboxAPIError(status: 404, code: 10008, message: "Unknown Message")
    static let unknownUser = SandboxAPIError(status: 404, code: 10013, message: "Unknown User")
    static let unknownWebhook = SandboxAPIError(status: 404, code: 10015, message: "Unknown Webhook")
    static let unknownInteraction = SandboxAPIError(status: 404, code: 10062, message: "Unknown interaction")
    static let tooManyWebhooks = SandboxAPIError(status: 400, code: 30007, message: "Maximum number of webhooks reached (15)")
    static let requestEntityTooLarge = SandboxAPIError(status: 413, code: 40005, message: "Request entity too large")
    static let alreadyAcknowledged = SandboxAPIError(
        status: 400, code: 40060, message: "Interaction has already been acknowledged")
    static let missingAccess = SandboxAPIError(status: 403, code: 50001, message: "Missing Access")
    static let cannotUseOnDMChannel = SandboxAPIError(status: 400, code: 50003, message: "Cannot execute action on a DM channel")
    static let emptyMessage = SandboxAPIError(status: 400, code: 50006, message: "Cannot send an empty message")
    static let cannotMessageUser = SandboxAPIError(status: 403, code: 50007, message: "Cannot send messages to this user")
    static let missingPermissions = SandboxAPIError(status: 403, code: 50013, message: "Missing Permissions")
    static let wrongChannelType = SandboxAPIError(
        status: 400, code: 50024, message: "Cannot execute action on this channel type")
    static let invalidWebhookToken = SandboxAPIError(status: 401, code: 50027, message: "Invalid Webhook Token")
    static let invalidJSON = SandboxAPIError(status: 400, code: 50109, message: "The request body contains invalid JSON.")

    static func invalidFormBody(_ errors: FormErrors) -> SandboxAPIError {
        SandboxAPIError(status: 400, code: 50035, message: "Invalid Form Body", errors: errors.json)
    }

    /// A single-field 50035, the most common shape.
    static func invalidField(_ path: [String], code: String, message: String) -> SandboxAPIError {
        var errors = FormErrors()
        errors.add(path, code: code, message: message)
        return invalidFormBody(errors)
    }
}
