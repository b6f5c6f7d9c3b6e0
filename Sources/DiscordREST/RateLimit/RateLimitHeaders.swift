/// The rate-limit information in one answer's headers.
struct RateLimitHeaders: Sendable {
    var bucket: String?
    var limit: Int?
    var remaining: Int?
    var resetAfter: Duration?
    var isGlobal: Bool
    /// `user`, `global` or `shared` (on 429 answers).
    var scope: String?
    var retryAfter: Duration?

    /// Reads headers given by lower-cased name.
    init(headers: [String: String]) {
        bucket = headers["x-ratelimit-bucket"]
        limit = headers["x-ratelimit-limit"].flatMap { Int($0) }
        remaining = headers["x-ratelimit-remaining"].flatMap { Int($0) }
        resetAfter = Duration(discordSeconds: headers["x-ratelimit-reset-after"])
        isGlobal = headers["x-ratelimit-global"]?.lowercased() == "true"
        scope = headers["x-ratelimit-scope"]?.lowercased()
        retryAfter = Duration(discordSeconds: headers["retry-after"])
    }
}
