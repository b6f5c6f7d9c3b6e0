import Crypto

/// Fixed-window rate limiting per bucket and major parameter, plus Discord's global per-second
/// limit, counted per requester. Time is elapsed time on the sandbox clock.
struct SandboxRateLimiter: Sendable {
    /// Whose global limit a request counts against. Discord counts bot-authenticated requests per
    /// bot token and requests without an Authorization header (webhook-token routes) per IP
    /// address; interaction callbacks and follow-ups count against neither.
    enum GlobalScope: Sendable, Hashable {
        case bot
        /// Every sandbox client is on loopback, so one address stands for them all.
        case unauthenticated
        case exempt
    }

    enum Decision: Sendable {
        case allowed(RateLimitState)
        case limited(RateLimitState, retryAfter: Duration)
        case globallyLimited(retryAfter: Duration)
    }

    private struct Window: Sendable {
        var start: Duration
        var count: Int
    }

    var rules: [SandboxRateLimitRule] = []
    var defaultRate: SandboxRateLimit
    var globalPerSecond: Int?
    private var windows: [String: Window] = [:]
    private var globalWindows: [GlobalScope: Window] = [:]

    init(defaultRate: SandboxRateLimit, globalPerSecond: Int?) {
        self.defaultRate = defaultRate
        self.globalPerSecond = globalPerSecond
    }

    mutating func admit(
        _ route: RouteMatch, method: String, segments: [String], global scope: GlobalScope, now: Duration
    ) -> Decision {
        let countsTowardGlobal = scope != .exempt
        if countsTowardGlobal, let globalLimit = globalPerSecond {
            let window = current(globalWindows[scope], length: .seconds(1), now: now)
            if window.count >= globalLimit {
                return .globallyLimited(retryAfter: window.start + .seconds(1) - now)
            }
        }
        // Newest rule wins, so a test can tighten a bucket it configured earlier.
        let rule = rules.last { $0.route.matches(method: method, segments: segments) }
        let rate = rule?.rate ?? defaultRate
        let bucket = Self.bucketHash(rule?.route.description ?? route.endpoint.routeName)
        let key = bucket + "|" + route.majorParameter
        var window = current(windows[key], length: rate.window, now: now)
        let resetAfter = window.start + rate.window - now
        if window.count >= rate.limit {
            let state = RateLimitState(limit: rate.limit, remaining: 0, resetAfter: resetAfter, bucket: bucket)
            return .limited(state, retryAfter: resetAfter)
        }
        window.count += 1
        windows[key] = window
        if countsTowardGlobal, globalPerSecond != nil {
            var global = current(globalWindows[scope], length: .seconds(1), now: now)
            global.count += 1
            globalWindows[scope] = global
        }
        let state = RateLimitState(
            limit: rate.limit, remaining: rate.limit - window.count, resetAfter: resetAfter, bucket: bucket)
        return .allowed(state)
    }

    private func current(_ window: Window?, length: Duration, now: Duration) -> Window {
        if let window, now < window.start + length { return window }
        return Window(start: now, count: 0)
    }

    /// An opaque, stable 32-hex-digit id, like Discord's `X-RateLimit-Bucket`.
    static func bucketHash(_ identity: String) -> String {
        let digest = SHA256.hash(data: Array(identity.utf8))
        return digest.prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
