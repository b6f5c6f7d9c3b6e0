import struct Foundation.Date

/// One request the sandbox received on the Discord API, with what it answered.
package struct SandboxRecordedRequest: Sendable, Hashable {
    package let sequence: Int
    package let method: String
    /// The path as received, including `/api/v10`.
    package let path: String
    /// The matched route, e.g. `POST /channels/{channel_id}/webhooks`; nil for unknown routes.
    package let route: String?
    package let query: [String: String]
    package let headers: [SandboxHeader]
    package let body: [UInt8]
    /// The parts of a `multipart/form-data` body; empty for other bodies.
    package let parts: [SandboxMultipartPart]
    /// The status answered; nil while the request is in progress or when a fault dropped the
    /// connection before handling it. With ``answerDropped``, the status of the answer that was
    /// never sent.
    package internal(set) var status: Int?
    /// The Discord error code answered, if the response was an error.
    package internal(set) var errorCode: Int?
    /// True when the request was handled (``status`` says how) but a
    /// ``SandboxFault/Effect/dropAfterHandling`` fault closed the connection instead of answering.
    package internal(set) var answerDropped = false
    /// When the sandbox received the request, on its wall clock.
    package internal(set) var receivedAt: Date?
    /// The `X-RateLimit-Scope` of a 429 answer (`global`, `user` or `shared`); nil otherwise.
    package internal(set) var rateLimitScope: String?

    package func header(_ name: String) -> String? { headers.value(of: name) }

    package var authorization: String? { header("Authorization") }

    package var userAgent: String? { header("User-Agent") }

    package var auditLogReason: String? { header("X-Audit-Log-Reason") }

    /// True when the request carried `Authorization: Bot ...`.
    package var hadBotAuth: Bool { authorization?.hasPrefix("Bot ") ?? false }

    /// True when `secret` appears anywhere but the Authorization header: path, query,
    /// other headers or body. Tests use it to prove the bot token only travels in Authorization.
    package func exposesOutsideAuthorization(_ secret: String) -> Bool {
        guard !secret.isEmpty else { return false }
        if path.contains(secret) { return true }
        if query.contains(where: { $0.key.contains(secret) || $0.value.contains(secret) }) { return true }
        let otherHeaders = headers.filter { $0.name.lowercased() != "authorization" }
        if otherHeaders.contains(where: { $0.value.contains(secret) }) { return true }
        return body.containsSubsequence(Array(secret.utf8))
    }
}

/// One part of a multipart body.
package struct SandboxMultipartPart: Sendable, Hashable {
    package let name: String?
    package let filename: String?
    package let contentType: String?
    package let headers: [SandboxHeader]
    package let body: [UInt8]
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
