import DiscordModels
import Logging

/// Decides when a request may go, from what Discord's answers said.
///
/// - Buckets are learned from `X-RateLimit-Bucket` and kept per route *and* major parameter
///   (channel, guild, webhook id + token, interaction), so two channels never share a bucket.
/// - `X-RateLimit-Remaining: 0` holds the bucket until `X-RateLimit-Reset-After` has passed.
/// - A 429 holds the bucket (or, when global, every route) for `retry_after` seconds.
/// - The client paces itself to the global limit of N requests per second: bot-token requests in
///   one window, webhook-token requests (limited by Discord per address, not per token) in
///   another; interaction routes are exempt.
/// - 401, 403 and 429 answers (except 429 with scope `shared`) are counted over a rolling window;
///   at the configured limit the client refuses to send rather than approach Discord's
///   Cloudflare ban (10,000 per 10 minutes).
actor RateLimiter {
    struct Bucket: Sendable {
        var limit: Int?
        var remaining: Int?
        var resetAt: Duration?
    }

    struct Settings: Sendable {
        var globalRequestsPerSecond: Int
        var invalidRequestLimit: Int
        var invalidRequestWindow: Duration
    }

    private let time: TimeSource
    private let settings: Settings
    private let metrics: DiscordMetrics
    private let logger: Logger
    private var bucketHashes: [String: String] = [:]
    private var buckets: [String: Bucket] = [:]
    private var globalBlockedUntil: Duration?
    private var globalLimiter: GlobalRequestLimiter
    private var perAddressLimiter: GlobalRequestLimiter
    private var invalidRequests: RollingWindowCounter

    init(time: TimeSource, settings: Settings, metrics: DiscordMetrics, logger: Logger) {
        self.time = time
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        globalLimiter = GlobalRequestLimiter(requestsPerSecond: settings.globalRequestsPerSecond)
        perAddressLimiter = GlobalRequestLimiter(requestsPerSecond: settings.globalRequestsPerSecond)
        invalidRequests = RollingWindowCounter(window: settings.invalidRequestWindow)
    }

    /// This process's share when `processes` send with the same bot token: the global limit
    /// and the invalid-request allowance divided among them (at least one request a second).
    private var share = 1

    func share(among processes: Int) {
        let processes = max(1, processes)
        guard processes != share else { return }
        share = processes
        globalLimiter = GlobalRequestLimiter(requestsPerSecond: max(1, settings.globalRequestsPerSecond / processes))
        logger.info(
            "sharing the bot's global rate limit",
            metadata: ["processes": "\(processes)", "requests_per_second": "\(globalLimiter.requestsPerSecond)",
                       "invalid_request_limit": "\(invalidRequestLimit)"])
    }

    /// The invalid-request allowance of this process.
    private var invalidRequestLimit: Int { max(1, settings.invalidRequestLimit / share) }

    private static func routeKey(_ route: DiscordRoute) -> String {
        "\(route.method.rawValue) \(route.template)"
    }

    private func bucketKey(_ route: DiscordRoute) -> String {
        let routeKey = Self.routeKey(route)
        return (bucketHashes[routeKey] ?? routeKey) + "|" + route.majorParameter
    }

    /// Waits until `route` may be sent and takes a slot. `alreadyWaited` is the rate-limit
    /// waiting this request has done before; the whole may not exceed `allowedWait`.
    /// Returns how long this call waited.
    func acquire(_ route: DiscordRoute, alreadyWaited: Duration, allowedWait: Duration) async throws -> Duration {
        let start = time.now
        while true {
            try Task.checkCancellation()
            let now = time.now
            let invalidCount = invalidRequests.count(at: now)
            if invalidCount >= invalidRequestLimit {
                throw DiscordHTTPError(
                    kind: .invalidRequestLimitReached(count: invalidCount, window: settings.invalidRequestWindow),
                    route: route.description
                )
            }
            if let (until, reason) = holdUntil(route, now: now) {
                let needed = alreadyWaited + (until - start)
                guard needed <= allowedWait else {
                    throw DiscordHTTPError(kind: .rateLimitWaitTooLong(needed: needed, allowed: allowedWait), route: route.description)
                }
                // Debug, not info: under load every paced request waits, often more than once, and
                // the metric (discord_ratelimit_waits_total) already counts them.
                logger.debug(
                    "Waiting for Discord rate limit",
                    metadata: [
                        "route": "\(route.description)",
                        "reason": "\(reason.rawValue)",
                        "wait_seconds": "\((until - now).seconds)",
                    ]
                )
                metrics.rateLimitWait(reason, duration: until - now)
                try await time.sleep(until: until)
                continue
            }
            takeSlot(route, now: now)
            return now - start
        }
    }

    /// When `route` may go next, and why it must wait; nil when it may go now.
    private func holdUntil(_ route: DiscordRoute, now: Duration) -> (Duration, DiscordMetrics.WaitReason)? {
        if let blocked = globalBlockedUntil, blocked > now {
            return (blocked, .global)
        }
        if let bucket = buckets[bucketKey(route)], let remaining = bucket.remaining, remaining <= 0,
            let reset = bucket.resetAt, reset > now
        {
            return (reset, .bucket)
        }
        let slot: Duration? =
            switch route.globalLimit {
            case .perBotToken: globalLimiter.nextSlot(at: now)
            case .perAddress: perAddressLimiter.nextSlot(at: now)
            case .none: nil
            }
        if let slot, slot > now { return (slot, .globalLimiter) }
        return nil
    }

    private func takeSlot(_ route: DiscordRoute, now: Duration) {
        let key = bucketKey(route)
        if var bucket = buckets[key] {
            if let reset = bucket.resetAt, reset <= now {
                // The window has reset; the next answer's headers will say how much is left.
                bucket.remaining = bucket.limit
                bucket.resetAt = nil
            }
            if let remaining = bucket.remaining {
                bucket.remaining = remaining - 1
            }
            buckets[key] = bucket
        }
        switch route.globalLimit {
        case .perBotToken: globalLimiter.record(at: now)
        case .perAddress: perAddressLimiter.record(at: now)
        case .none: break
        }
    }

    /// Learns from an answer. For a 429, returns how long Discord asked to wait.
    @discardableResult
    func record(_ route: DiscordRoute, status: Int, headers: RateLimitHeaders, body: DiscordErrorBody?) -> Duration? {
        let now = time.now
        if let hash = headers.bucket {
            bucketHashes[Self.routeKey(route)] = hash
        }
        let key = bucketKey(route)
        if let remaining = headers.remaining, let resetAfter = headers.resetAfter {
            buckets[key] = Bucket(limit: headers.limit, remaining: remaining, resetAt: now + resetAfter)
            forgetExpiredBuckets(at: now)
        }
        switch status {
        case 429:
            let retryAfter =
                body?.retryAfter.flatMap { Duration(discordSeconds: $0) } ?? headers.retryAfter ?? headers.resetAfter
                ?? .seconds(1)
            let isGlobal = headers.isGlobal || body?.global == true || headers.scope == "global"
            if isGlobal {
                globalBlockedUntil = max(globalBlockedUntil ?? now, now + retryAfter)
            } else {
                var bucket = buckets[key] ?? Bucket()
                bucket.remaining = 0
                bucket.resetAt = max(bucket.resetAt ?? now, now + retryAfter)
                buckets[key] = bucket
            }
            // Discord does not count 429s of shared resource limits as invalid requests.
            if headers.scope != "shared" {
                invalidRequests.record(at: now)
            }
            return retryAfter
        case 401, 403:
            invalidRequests.record(at: now)
            return nil
        default:
            return nil
        }
    }

    /// A long-running bot touches many channels; buckets whose window has passed hold nothing
    /// worth keeping, so they are dropped once there are many.
    private func forgetExpiredBuckets(at now: Duration) {
        guard buckets.count > Self.bucketsKeptBeforePruning else { return }
        buckets = buckets.filter { _, bucket in (bucket.resetAt ?? now) > now }
    }

    static let bucketsKeptBeforePruning = 5_000

    /// 401/403/429 answers in the current window (for diagnostics and tests).
    func invalidRequestCount() -> Int {
        invalidRequests.count(at: time.now)
    }
}
