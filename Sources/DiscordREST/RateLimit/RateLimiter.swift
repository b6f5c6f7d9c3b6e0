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
///   another; interaction routes are exempt. A request counts from when it is sent until a
///   second after its answer (see ``GlobalRequestLimiter``), so Discord never sees N + 1.
/// - Requests waiting for a window queue by ``DiscordRequest/Priority`` (then in order of
///   asking); one dispatcher per window hands each freed slot to the first of them, so a waiter is
///   woken once, when it may go, and not at every freed slot with all the others. (A waiter whose
///   bucket is used up when its turn comes steps aside and waits for the bucket.)
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

    /// Kept beyond each second of the global window, against rounding at Discord's window edges.
    static let windowEdgeMargin = Duration.milliseconds(5)

    /// Which global window a route counts in.
    enum Window: Int, Sendable, CaseIterable {
        /// Bot-token requests: Discord's 50 per second per bot.
        case botToken
        /// Webhook-token requests: limited per address.
        case address

        init?(_ limit: DiscordRoute.GlobalLimit) {
            switch limit {
            case .perBotToken: self = .botToken
            case .perAddress: self = .address
            case .none: return nil
            }
        }
    }

    /// A request's place in a global window, from when it is sent until its answer: pass it to
    /// ``record(_:ticket:status:headers:body:)`` or ``finished(_:)``.
    struct Ticket: Sendable, Hashable {
        let window: Window
        let id: UInt64
    }

    /// What ``acquire(_:priority:alreadyWaited:allowedWait:)`` gives: how long it waited, and the
    /// ticket when the route counts in a global window.
    struct Admission: Sendable {
        var waited: Duration
        var ticket: Ticket?
    }

    private enum Turn: Sendable {
        case granted(Ticket)
        /// The waiter's bucket was used up when its turn came: it waits for the bucket first.
        case bucketHeld
    }

    private struct Waiter: Sendable {
        let id: UInt64
        let route: DiscordRoute
        let start: Duration
        let alreadyWaited: Duration
        let allowedWait: Duration
        let continuation: CheckedContinuation<Turn, any Error>

        var deadline: Duration { start + (allowedWait - alreadyWaited) }
    }

    private struct Lane: Sendable {
        var window: GlobalRequestLimiter
        var queue = PriorityWaitQueue<Waiter>()
        var dispatching = false
        /// The dispatcher, waiting for an answer while N requests are in flight.
        var answerAwaited: CheckedContinuation<Void, Never>?
        /// No queued waiter's deadline is earlier (nil: none known).
        var earliestDeadline: Duration?
    }

    private let time: TimeSource
    private let settings: Settings
    private let metrics: DiscordMetrics
    private let logger: Logger
    private var bucketHashes: [String: String] = [:]
    private var buckets: [String: Bucket] = [:]
    private var globalBlockedUntil: Duration?
    private var lanes: [Lane]
    private var invalidRequests: RollingWindowCounter
    private var nextWaiterID: UInt64 = 0

    init(time: TimeSource, settings: Settings, metrics: DiscordMetrics, logger: Logger) {
        self.time = time
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        lanes = Window.allCases.map { _ in
            Lane(window: GlobalRequestLimiter(requestsPerSecond: settings.globalRequestsPerSecond, margin: Self.windowEdgeMargin))
        }
        invalidRequests = RollingWindowCounter(window: settings.invalidRequestWindow)
    }

    /// This process's share when `processes` send with the same bot token: the global limit
    /// and the invalid-request allowance divided among them (at least one request a second).
    private var share = 1

    func share(among processes: Int) {
        let processes = max(1, processes)
        guard processes != share else { return }
        share = processes
        let perSecond = max(1, settings.globalRequestsPerSecond / processes)
        lanes[Window.botToken.rawValue].window.requestsPerSecond = perSecond
        logger.info(
            "sharing the bot's global rate limit",
            metadata: ["processes": "\(processes)", "requests_per_second": "\(perSecond)",
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

    // MARK: Waiting for a slot

    /// Waits until `route` may be sent and takes a slot; among requests waiting for the same
    /// global window, more urgent `priority` goes first. `alreadyWaited` is the rate-limit
    /// waiting this request has done before; the whole may not exceed `allowedWait`.
    func acquire(
        _ route: DiscordRoute, priority: DiscordRequest.Priority, alreadyWaited: Duration, allowedWait: Duration
    ) async throws -> Admission {
        let start = time.now
        let window = Window(route.globalLimit)
        while true {
            try Task.checkCancellation()
            let now = time.now
            if let error = invalidRequestError(route, now: now) { throw error }
            if let (until, reason) = holdUntil(route, paced: window != nil, now: now) {
                try checkAllowance(route, until: until, start: start, alreadyWaited: alreadyWaited, allowedWait: allowedWait)
                noteWait(route, reason: reason, until: until, now: now)
                try await time.sleep(until: until)
                continue
            }
            guard let window else {
                takeBucketSlot(route, now: now)
                return Admission(waited: now - start, ticket: nil)
            }
            let slot = nextSlot(window, now: now)
            // Nobody queued ahead and the window has room: go now, without a queue.
            if lanes[window.rawValue].queue.isEmpty, slot.time == now {
                return Admission(waited: now - start, ticket: admit(route, window: window, now: now))
            }
            if let earliest = slot.time {
                try checkAllowance(route, until: earliest, start: start, alreadyWaited: alreadyWaited, allowedWait: allowedWait)
                noteWait(route, reason: slot.blocked ? .global : .globalLimiter, until: earliest, now: now)
            }
            switch try await queue(route, priority: priority, window: window, start: start, alreadyWaited: alreadyWaited, allowedWait: allowedWait) {
            case .granted(let ticket):
                return Admission(waited: time.now - start, ticket: ticket)
            case .bucketHeld:
                continue
            }
        }
    }

    /// The request was answered (or failed) without ``record(_:ticket:status:headers:body:)``:
    /// its place in the global window now counts from this moment.
    func finished(_ ticket: Ticket?) {
        guard let ticket else { return }
        let lane = ticket.window.rawValue
        guard lanes[lane].window.finish(ticket.id, at: time.now) else { return }
        if let dispatcher = lanes[lane].answerAwaited {
            lanes[lane].answerAwaited = nil
            dispatcher.resume()
        }
    }

    private func checkAllowance(
        _ route: DiscordRoute, until: Duration, start: Duration, alreadyWaited: Duration, allowedWait: Duration
    ) throws {
        let needed = alreadyWaited + (until - start)
        guard needed <= allowedWait else {
            throw DiscordHTTPError(kind: .rateLimitWaitTooLong(needed: needed, allowed: allowedWait), route: route.description)
        }
    }

    private func noteWait(_ route: DiscordRoute, reason: DiscordMetrics.WaitReason, until: Duration, now: Duration) {
        // Debug, not info: under load every paced request waits, and the metric
        // (discord_ratelimit_waits_total) already counts them.
        logger.debug(
            "Waiting for Discord rate limit",
            metadata: ["route": "\(route.description)", "reason": "\(reason.rawValue)", "wait_seconds": "\((until - now).seconds)"]
        )
        metrics.rateLimitWait(reason, duration: until - now)
    }

    private func invalidRequestError(_ route: DiscordRoute, now: Duration) -> DiscordHTTPError? {
        let count = invalidRequests.count(at: now)
        guard count >= invalidRequestLimit else { return nil }
        return DiscordHTTPError(
            kind: .invalidRequestLimitReached(count: count, window: settings.invalidRequestWindow), route: route.description)
    }

    /// What holds `route` apart from its global window: its bucket, and for unpaced routes a
    /// global 429 (paced ones wait for it in their window's queue).
    private func holdUntil(_ route: DiscordRoute, paced: Bool, now: Duration) -> (Duration, DiscordMetrics.WaitReason)? {
        if !paced, let blocked = globalBlockedUntil, blocked > now {
            return (blocked, .global)
        }
        if let reset = bucketHold(route, now: now) {
            return (reset, .bucket)
        }
        return nil
    }

    private func bucketHold(_ route: DiscordRoute, now: Duration) -> Duration? {
        guard let bucket = buckets[bucketKey(route)], let remaining = bucket.remaining, remaining <= 0,
            let reset = bucket.resetAt, reset > now
        else { return nil }
        return reset
    }

    /// When `window` has room next: nil time while it waits for an answer; `blocked` when a
    /// global 429 holds it longer than its own pacing would.
    private func nextSlot(_ window: Window, now: Duration) -> (time: Duration?, blocked: Bool) {
        let blocked = globalBlockedUntil.flatMap { $0 > now ? $0 : nil }
        switch lanes[window.rawValue].window.nextSlot(at: now) {
        case .afterAnAnswer:
            return (nil, false)
        case .at(let slot):
            guard let blocked, blocked > slot else { return (slot, false) }
            return (blocked, true)
        }
    }

    /// Takes a slot of `window` (and of the route's bucket) for a request sent now.
    private func admit(_ route: DiscordRoute, window: Window, now: Duration) -> Ticket {
        takeBucketSlot(route, now: now)
        return Ticket(window: window, id: lanes[window.rawValue].window.start())
    }

    private func takeBucketSlot(_ route: DiscordRoute, now: Duration) {
        let key = bucketKey(route)
        guard var bucket = buckets[key] else { return }
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

    // MARK: The queue of a global window

    private func queue(
        _ route: DiscordRoute, priority: DiscordRequest.Priority, window: Window, start: Duration, alreadyWaited: Duration,
        allowedWait: Duration
    ) async throws -> Turn {
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let waiter = Waiter(
                    id: id, route: route, start: start, alreadyWaited: alreadyWaited, allowedWait: allowedWait, continuation: continuation)
                let lane = window.rawValue
                lanes[lane].queue.append(waiter, priority: priority)
                lanes[lane].earliestDeadline = min(lanes[lane].earliestDeadline ?? waiter.deadline, waiter.deadline)
                if !lanes[lane].dispatching {
                    lanes[lane].dispatching = true
                    Task { await self.dispatch(window) }
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id, window: window) }
        }
    }

    private func cancelWaiter(_ id: UInt64, window: Window) {
        for waiter in lanes[window.rawValue].queue.removeAll(where: { $0.id == id }) {
            waiter.continuation.resume(throwing: CancellationError())
        }
    }

    /// Hands each slot of `window` to the first waiter, sleeping on the clock in between, until
    /// the queue is empty.
    private func dispatch(_ window: Window) async {
        let lane = window.rawValue
        while true {
            let now = time.now
            expireOverdueWaiters(lane, now: now)
            if let first = lanes[lane].queue.first, let error = invalidRequestError(first.route, now: now) {
                for waiter in lanes[lane].queue.removeAll(where: { _ in true }) {
                    waiter.continuation.resume(
                        throwing: DiscordHTTPError(kind: error.kind, route: waiter.route.description))
                }
            }
            guard !lanes[lane].queue.isEmpty else {
                lanes[lane].dispatching = false
                return
            }
            guard let slot = nextSlot(window, now: now).time else {
                await withCheckedContinuation { lanes[lane].answerAwaited = $0 }
                continue
            }
            if slot > now {
                let wake = min(slot, lanes[lane].earliestDeadline ?? slot)
                try? await time.sleep(until: max(wake, now))
                continue
            }
            while let waiter = lanes[lane].queue.popFirst() {
                if bucketHold(waiter.route, now: now) != nil {
                    waiter.continuation.resume(returning: .bucketHeld)
                    continue
                }
                waiter.continuation.resume(returning: .granted(admit(waiter.route, window: window, now: now)))
                break
            }
        }
    }

    /// Fails the waiters whose allowed rate-limit waiting has run out.
    private func expireOverdueWaiters(_ lane: Int, now: Duration) {
        guard let earliest = lanes[lane].earliestDeadline, earliest <= now else { return }
        for waiter in lanes[lane].queue.removeAll(where: { $0.deadline <= now }) {
            let needed = waiter.alreadyWaited + (now - waiter.start)
            waiter.continuation.resume(
                throwing: DiscordHTTPError(
                    kind: .rateLimitWaitTooLong(needed: needed, allowed: waiter.allowedWait), route: waiter.route.description))
        }
        lanes[lane].earliestDeadline = lanes[lane].queue.all.map(\.deadline).min()
    }

    // MARK: Answers

    /// Learns from an answer and frees the request's place in its window (counted from now). For
    /// a 429, returns how long Discord asked to wait.
    @discardableResult
    func record(_ route: DiscordRoute, ticket: Ticket?, status: Int, headers: RateLimitHeaders, body: DiscordErrorBody?) -> Duration? {
        finished(ticket)
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

    /// Requests queued for a global window now (for diagnostics and tests).
    func queuedRequestCount() -> Int {
        lanes.reduce(0) { $0 + $1.queue.count }
    }

    /// 401/403/429 answers in the current window (for diagnostics and tests).
    func invalidRequestCount() -> Int {
        invalidRequests.count(at: time.now)
    }
}
