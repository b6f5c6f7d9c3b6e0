/// What a handler answers: status, extra headers and body bytes.
struct SandboxReply: Sendable {
    var status: Int
    var headers: [SandboxHeader]
    var body: [UInt8]
    /// The Discord error code, when this reply is an error (kept for the request record).
    var errorCode: Int?

    /// The `X-RateLimit-Scope` of a 429 (kept for the request record).
    var rateLimitScope: String? {
        guard status == 429 else { return nil }
        return headers.first { $0.name.lowercased() == "x-ratelimit-scope" }?.value
    }

    static func json(_ json: SandboxJSON, status: Int = 200) -> SandboxReply {
        SandboxReply(
            status: status, headers: [SandboxHeader(name: "Content-Type", value: "application/json")],
            body: json.encoded(), errorCode: nil)
    }

    static let noContent = SandboxReply(status: 204, headers: [], body: [], errorCode: nil)

    static func error(_ error: SandboxAPIError) -> SandboxReply {
        var reply = json(error.json, status: error.status)
        reply.headers += error.extraHeaders
        reply.errorCode = error.code
        return reply
    }

    static func bytes(_ bytes: [UInt8], contentType: String) -> SandboxReply {
        SandboxReply(
            status: 200, headers: [SandboxHeader(name: "Content-Type", value: contentType)], body: bytes, errorCode: nil)
    }
}
