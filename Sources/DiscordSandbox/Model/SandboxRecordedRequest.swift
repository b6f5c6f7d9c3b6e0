import struct Foundation.Date

/// One request the sandbox received on the Discord API, with what it answered.
public struct SandboxRecordedRequest: Sendable, Hashable {
    public let sequence: Int
    public let method: String
    /// The path as received, including `/api/v10`.
    public let path: String
    /// The matched route, e.g. `POST /channels/{channel_id}/webhooks`; nil for unknown routes.
    public let route: String?
    public let query: [String: String]
    public let headers: [SandboxHeader]
    public let body: [UInt8]
    /// The parts of a `multipart/form-data` body; empty for other bodies.
    public let parts: [SandboxMultipartPart]
    /// The status answered; nil while the request is in progress or when a fault dropped the
    /// connection before handling it. With ``answerDropped``, the status of the answer that was
    /// never sent.
    public internal(set) var status: Int?
    /// The Discord error code answered, if the response was an error.
    public internal(set) var errorCode: Int?
    /// True when the request was handled (``status`` says how) but a
    /// ``SandboxFault/Effect/dropAfterHandling`` fault closed the connection instead of answering.
    public internal(set) var answerDropped = false
    /// When the sandbox received the request, on its wall clock.
    public internal(set) var receivedAt: Date?
    /// The `X-RateLimit-Scope` of a 429 answer (`global`, `user` or `shared`); nil otherwise.
    public internal(set) var rateLimitScope: String?

    public func header(_ name: String) -> String? { headers.value(of: name) }

    public var authorization: String? { header("Authorization") }

    public var userAgent: String? { header("User-Agent") }

    public var auditLogReason: String? { header("X-Audit-Log-Reason") }

    /// True when the request carried `Authorization: Bot ...`.
    public var hadBotAuth: Bool { authorization?.hasPrefix("Bot ") ?? false }

    /// True when `secret` appears anywhere but the Authorization header: path, query,
    /// other headers or body. Tests use it to prove the bot token only travels in Authorization.
    public func exposesOutsideAuthorization(_ secret: String) -> Bool {
        guard !secret.isEmpty else { return false }
        if path.contains(secret) { return true }
        if query.contains(where: { $0.key.contains(secret) || $0.value.contains(secret) }) { return true }
        let otherHeaders = headers.filter { $0.name.lowercased() != "authorization" }
        if otherHeaders.contains(where: { $0.value.contains(secret) }) { return true }
        return body.containsSubsequence(Array(secret.utf8))
    }
}

/// One part of a multipart body.
public struct SandboxMultipartPart: Sendable, Hashable {
    public let name: String?
    public let filename: String?
    public let contentType: String?
    public let headers: [SandboxHeader]
    public let body: [UInt8]
}

extension Array where Element == UInt8 {
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        let first = needle[0]
        var index = startIndex
        let lastStart = count - needle.count
        while index <= lastStart {
            if self[index] == first && self[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
