import Foundation

/// The state of one bucket after a request, rendered as Discord's `X-RateLimit-*` headers.
struct RateLimitState: Sendable {
    let limit: Int
    let remaining: Int
    let resetAfter: Duration
    let bucket: String

    func headers(wallNow: Date) -> [SandboxHeader] {
        let resetAt = wallNow.timeIntervalSince1970 + resetAfter.seconds
        return [
            SandboxHeader(name: "X-RateLimit-Limit", value: String(limit)),
            SandboxHeader(name: "X-RateLimit-Remaining", value: String(remaining)),
            SandboxHeader(name: "X-RateLimit-Reset", value: String(format: "%.3f", resetAt)),
            SandboxHeader(name: "X-RateLimit-Reset-After", value: String(format: "%.3f", resetAfter.seconds)),
            SandboxHeader(name: "X-RateLimit-Bucket", value: bucket),
        ]
    }
}

/// Builds the 429 answers Discord gives, for the limiter and for injected faults alike.
enum RateLimitResponse {
    static func error(retryAfter: Double, global: Bool, bucket: RateLimitState?, wallNow: Date) -> SandboxAPIError {
        var error = SandboxAPIError(status: 429, code: 0, message: "You are being rate limited.")
        let rounded = (retryAfter * 1000).rounded(.up) / 1000
        error.extraFields = ["retry_after": .double(rounded), "global": .bool(global)]
        var headers = bucket?.headers(wallNow: wallNow) ?? []
        headers.append(SandboxHeader(name: "Retry-After", value: String(Int(retryAfter.rounded(.up)))))
        headers.append(SandboxHeader(name: "X-RateLimit-Scope", value: global ? "global" : "user"))
        if global { headers.append(SandboxHeader(name: "X-RateLimit-Global", value: "true")) }
        error.extraHeaders = headers
        return error
    }
}
