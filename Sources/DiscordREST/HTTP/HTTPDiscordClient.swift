import AsyncHTTPClient
import CoreMetrics
import DiscordModels
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The real ``DiscordClient``: Discord's REST API over AsyncHTTPClient.
///
/// It authenticates bot routes with `Authorization: Bot <token>` (webhook- and interaction-token
/// routes carry none), identifies itself with a `DiscordBot` User-Agent, honours every rate limit
/// (see ``RateLimiter``), retries with backoff, and reports every failure as a ``DiscordHTTPError``.
/// All waiting happens on the injected clock.
///
/// What is retried depends on whether the request can have reached Discord:
/// - A connection that could not be made (refused, DNS, connect timeout): the request was never
///   written, so it is sent again, whatever its method (``HTTPDiscordClientConfiguration/maxConnectRetries``).
/// - A 429: Discord did not process the request; it is sent again after `retry_after`.
/// - A timeout or dropped connection after connecting, or a 5xx answer: requests that are safe to
///   repeat (GET, PUT, PATCH, DELETE) are sent again (``HTTPDiscordClientConfiguration/maxRetries``);
///   a POST is not, since Discord may have posted it, and fails with
///   ``DiscordHTTPError/Kind/outcomeUnknown(_:)``.
///
/// The token never appears in logs, errors or descriptions.
package final class HTTPDiscordClient: DiscordClient {
    package let configuration: HTTPDiscordClientConfiguration
    private let token: DiscordToken?
    private let httpClient: HTTPClient
    private let time: TimeSource
    private let logger: Logger
    private let metrics: DiscordMetrics
    private let rateLimiter: RateLimiter
    private let retryPolicy: RetryPolicy
    private let connectRetryPolicy: RetryPolicy
    private let apiOrigin: DownloadPolicy.Origin?

    /// - Parameters:
    ///   - token: The bot token; without one, bot-authenticated routes fail with
    ///     ``DiscordHTTPError/Kind/invalidRequest(_:)`` (webhook-token routes still work).
    ///   - httpClient: AsyncHTTPClient to send with; its lifecycle belongs to the caller. The default
    ///     arms no idle read timeout (see `HTTPClient.discordAPI`).
    ///   - clock: Every wait (rate limits, backoff) sleeps on this clock.
    ///   - random: Jitter source in 0...1.
    package init(
        token: DiscordToken?,
        configuration: HTTPDiscordClientConfiguration = HTTPDiscordClientConfiguration(),
        httpClient: HTTPClient = .discordAPI,
        clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "castbot.discord.rest"),
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.token = token
        self.httpClient = httpClient
        self.logger = logger
        let time = TimeSource(clock)
        self.time = time
        metrics = DiscordMetrics(factory: metricsFactory)
        rateLimiter = RateLimiter(
            time: time,
            settings: .init(
                globalRequestsPerSecond: configuration.globalRequestsPerSecond,
                invalidRequestLimit: configuration.invalidRequestLimit,
                invalidRequestWindow: configuration.invalidRequestWindow
            ),
            metrics: metrics,
            logger: logger
        )
        retryPolicy = RetryPolicy(
            maxRetries: max(0, configuration.maxRetries),
            baseDelay: configuration.retryBaseDelay,
            maxDelay: configuration.retryMaxDelay,
            random: random
        )
        connectRetryPolicy = RetryPolicy(
            maxRetries: max(0, configuration.maxConnectRetries),
            baseDelay: configuration.connectRetryBaseDelay,
            maxDelay: configuration.retryMaxDelay,
            random: random
        )
        apiOrigin = DownloadPolicy.Origin(url: configuration.baseURL)
    }

    package func shareBotLimits(among processes: Int) async {
        await rateLimiter.share(among: processes)
    }

    /// How many 401/403/429 answers are inside the invalid-request window now.
    package func invalidRequestCount() async -> Int {
        await rateLimiter.invalidRequestCount()
    }

    // MARK: Sending

    package func send(_ request: DiscordRequest) async throws -> DiscordResponse {
        let route = request.route
        let redactor = Redactor(secrets: route.secrets + [token?.secret].compactMap { $0 })
        let prepared = try prepare(request)
        var waited = Duration.zero
        var retries = Retries()
        while true {
            let admission = try await rateLimiter.acquire(
                route, priority: request.priority, alreadyWaited: waited, allowedWait: configuration.maxRateLimitWait)
            waited += admission.waited
            let answer: Answer
            do {
                answer = try await perform(prepared, route: route)
            } catch let error as DiscordHTTPError {
                await rateLimiter.finished(admission.ticket)
                metrics.requestCompleted(route, status: "error")
                throw error
            } catch {
                await rateLimiter.finished(admission.ticket)
                metrics.requestCompleted(route, status: "error")
                let reason = redactor.redact(String(describing: error))
                switch recovery(after: error, safeToRepeat: route.isSafeToRepeat, retries: retries) {
                case .retryConnect:
                    retries.connect += 1
                    try await backOff(route, policy: connectRetryPolicy, retry: retries.connect, reason: "connect", detail: reason)
                    continue
                case .retry:
                    retries.afterSending += 1
                    try await backOff(route, policy: retryPolicy, retry: retries.afterSending, reason: "transport", detail: reason)
                    continue
                case .outcomeUnknown:
                    logger.error("Discord request may have been delivered; not repeating it", metadata: ["route": "\(route)", "error": "\(reason)"])
                    throw DiscordHTTPError(kind: .outcomeUnknown("no answer (\(reason))"), route: route.description)
                case .fail:
                    logger.error("Discord request failed", metadata: ["route": "\(route)", "error": "\(reason)"])
                    throw DiscordHTTPError(kind: .transport(reason), route: route.description)
                }
            }

            metrics.requestCompleted(route, status: String(answer.status))
            let errorBody = (200..<300).contains(answer.status) ? nil : try? JSONDecoder().decode(DiscordErrorBody.self, from: answer.body)
            let retryAfter = await rateLimiter.record(
                route,
                ticket: admission.ticket,
                status: answer.status,
                headers: RateLimitHeaders(headers: answer.headers),
                body: errorBody
            )
            logger.debug(
                "Discord request",
                metadata: ["route": "\(route)", "status": "\(answer.status)", "retries": "\(retries.total)"]
            )

            switch answer.status {
            case 200..<300:
                return DiscordResponse(status: answer.status, headers: answer.headers, body: answer.body)
            case 429:
                // The limiter now holds the bucket (or every route, for a global limit) for
                // `retry_after`; the next acquire waits for it, within the same wait allowance.
                logger.warning(
                    "Discord rate limited a request",
                    metadata: [
                        "route": "\(route)",
                        "retry_after_seconds": "\(retryAfter?.seconds ?? 0)",
                        "scope": "\(answer.headers["x-ratelimit-scope"] ?? "unknown")",
                    ]
                )
                continue
            case 500..<600 where !route.isSafeToRepeat:
                // A 5xx does not say whether Discord acted before failing (it may have stored the
                // message and then failed to answer), so a POST is not sent again.
                let error = httpError(status: answer.status, body: errorBody, route: route, redactor: redactor, outcomeUnknown: true)
                logger.error("Discord request may have been delivered; not repeating it", metadata: ["route": "\(route)", "error": "\(error)"])
                throw error
            case 500..<600 where retries.afterSending < retryPolicy.maxRetries:
                retries.afterSending += 1
                try await backOff(
                    route, policy: retryPolicy, retry: retries.afterSending, reason: "status_\(answer.status)",
                    detail: "status \(answer.status)")
                continue
            default:
                let error = httpError(status: answer.status, body: errorBody, route: route, redactor: redactor)
                logger.warning("Discord request failed", metadata: ["route": "\(route)", "error": "\(error)"])
                throw error
            }
        }
    }

    /// Retries one request has used, by kind: each kind has its own limit.
    private struct Retries {
        /// After a connection could not be made.
        var connect = 0
        /// After a timeout, dropped connection or 5xx answer.
        var afterSending = 0

        var total: Int { connect + afterSending }
    }

    private enum Recovery {
        case retryConnect
        case retry
        case outcomeUnknown
        case fail
    }

    /// What to do after an attempt failed without an answer: send again when the request never
    /// left or is safe to repeat (within the limits), report an unknown outcome when it may have
    /// reached Discord and is not safe to repeat, fail otherwise.
    private func recovery(after error: any Error, safeToRepeat: Bool, retries: Retries) -> Recovery {
        switch TransportFailure.classify(error) {
        case .permanent:
            return .fail
        case .notSent:
            return retries.connect < connectRetryPolicy.maxRetries ? .retryConnect : .fail
        case .maybeSent:
            guard safeToRepeat else { return .outcomeUnknown }
            return retries.afterSending < retryPolicy.maxRetries ? .retry : .fail
        }
    }

    private func backOff(_ route: DiscordRoute, policy: RetryPolicy, retry: Int, reason: String, detail: String) async throws {
        let delay = policy.delay(beforeRetry: retry)
        metrics.retry(route, reason: reason)
        logger.warning(
            "Retrying Discord request",
            metadata: [
                "route": "\(route)", "retry": "\(retry)", "of": "\(policy.maxRetries)",
                "delay_seconds": "\(delay.seconds)", "cause": "\(detail)",
            ]
        )
        try await time.sleep(for: delay)
    }

    private func httpError(
        status: Int, body: DiscordErrorBody?, route: DiscordRoute, redactor: Redactor, outcomeUnknown: Bool = false
    ) -> DiscordHTTPError {
        let cleaned = body.map(redactor.redact)
        let answered = "Discord answered \(status)" + (cleaned.map { ": \($0.summary)" } ?? "")
        return DiscordHTTPError(
            kind: outcomeUnknown ? .outcomeUnknown(answered) : .httpStatus,
            route: route.description,
            status: status,
            code: body?.code,
            message: cleaned?.message,
            body: cleaned
        )
    }

    // MARK: HTTP

    private struct Prepared: Sendable {
        var url: String
        var method: HTTPMethod
        var headers: HTTPHeaders
        var body: Data?
    }

    private struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// Header names set from the request's own fields, never from ``DiscordRequest/headers``.
    private static let reservedHeaders: Set<String> = [
        "authorization", "user-agent", "content-type", "content-length", "x-audit-log-reason", "host",
    ]

    private func prepare(_ request: DiscordRequest) throws -> Prepared {
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: Self.headerSafe(configuration.userAgent))
        switch request.auth {
        case .bot:
            guard let token else {
                throw DiscordHTTPError(kind: .invalidRequest("no bot token is configured"), route: request.route.description)
            }
            headers.add(name: "Authorization", value: token.authorizationHeader)
        case .none:
            break
        }
        if let reason = request.auditLogReason, !reason.isEmpty {
            headers.add(name: "X-Audit-Log-Reason", value: PercentEncoding.headerValue(String(reason.prefix(512))))
        }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key })
        where !Self.reservedHeaders.contains(name.lowercased()) {
            headers.add(name: Self.headerSafe(name), value: Self.headerSafe(value))
        }
        var body: Data?
        switch request.body {
        case .none:
            break
        case .json(let data):
            headers.add(name: "Content-Type", value: "application/json")
            body = data
        case .multipart(let payloadJSON, let files):
            let form = MultipartFormData(payloadJSON: payloadJSON, files: files)
            headers.add(name: "Content-Type", value: form.contentType)
            body = form.body
        }
        return Prepared(
            url: url(for: request),
            method: HTTPMethod(rawValue: request.route.method.rawValue),
            headers: headers,
            body: body
        )
    }

    private func url(for request: DiscordRequest) -> String {
        var base = configuration.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var url = base + request.route.path
        if !request.query.isEmpty {
            url += "?" + request.query.map {
                PercentEncoding.queryComponent($0.name) + "=" + PercentEncoding.queryComponent($0.value)
            }.joined(separator: "&")
        }
        return url
    }

    /// Header text without CR or LF (which would start a new header). Filtered by scalar:
    /// "\r\n" is a single `Character`.
    private static func headerSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }

    private func perform(_ prepared: Prepared, route: DiscordRoute) async throws -> Answer {
        var request = HTTPClientRequest(url: prepared.url)
        request.method = prepared.method
        request.headers = prepared.headers
        if let body = prepared.body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await httpClient.execute(request, timeout: Self.timeAmount(configuration.requestTimeout))
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw DiscordHTTPError(kind: .responseTooLarge(limit: configuration.maxResponseBytes), route: route.description)
        }
        return Answer(status: Int(response.status.code), headers: Self.headerMap(response.headers), body: Data(bytes.readableBytesView))
    }

    static func headerMap(_ headers: HTTPHeaders) -> [String: String] {
        var map: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            map[key] = map[key].map { "\($0), \(value)" } ?? value
        }
        return map
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, seconds >= 0 else { return .hours(1) }
        return .nanoseconds(nanoseconds.partialValue &+ attoseconds / 1_000_000_000)
    }

    // MARK: Downloads

    package func download(from url: String, maxBytes: Int) async throws -> Data {
        let policy = DownloadPolicy(hosts: configuration.downloadHosts, apiOrigin: apiOrigin)
        let target = try policy.check(url)
        let redactor = Redactor(secrets: [token?.secret].compactMap { $0 })
        var retries = Retries()
        while true {
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            request.headers.add(name: "User-Agent", value: Self.headerSafe(configuration.userAgent))
            do {
                let response = try await httpClient.execute(request, timeout: Self.timeAmount(configuration.requestTimeout))
                // A client that followed redirects anyway (one passed in, not `.discordAPI`):
                // every hop must have been allowed.
                for hop in response.history.dropFirst() {
                    _ = try policy.check(hop.request.url)
                }
                let status = Int(response.status.code)
                if (300..<400).contains(status) {
                    let location = response.headers.first(name: "location").flatMap { URL(string: $0, relativeTo: URL(string: url)) }
                    throw DiscordHTTPError(
                        kind: .httpStatus, route: "GET \(target)", status: status,
                        message: "the download answered with a redirect (to \(location?.absoluteURL.host ?? "an unnamed host")); downloads follow no redirects")
                }
                if (500..<600).contains(status), retries.afterSending < retryPolicy.maxRetries {
                    retries.afterSending += 1
                    try await time.sleep(for: retryPolicy.delay(beforeRetry: retries.afterSending))
                    continue
                }
                guard (200..<300).contains(status) else {
                    throw DiscordHTTPError(kind: .httpStatus, route: "GET \(target)", status: status, message: "download failed")
                }
                if let length = response.headers.first(name: "content-length").flatMap({ Int($0) }), length > maxBytes {
                    throw DiscordHTTPError(kind: .responseTooLarge(limit: maxBytes), route: "GET \(target)")
                }
                do {
                    let bytes = try await response.body.collect(upTo: maxBytes)
                    return Data(bytes.readableBytesView)
                } catch is NIOTooManyBytesError {
                    throw DiscordHTTPError(kind: .responseTooLarge(limit: maxBytes), route: "GET \(target)")
                }
            } catch let error as DiscordHTTPError {
                throw error
            } catch {
                let reason = redactor.redact(String(describing: error))
                switch recovery(after: error, safeToRepeat: true, retries: retries) {
                case .retryConnect:
                    retries.connect += 1
                    try await time.sleep(for: connectRetryPolicy.delay(beforeRetry: retries.connect))
                case .retry:
                    retries.afterSending += 1
                    try await time.sleep(for: retryPolicy.delay(beforeRetry: retries.afterSending))
                case .outcomeUnknown, .fail:
                    throw DiscordHTTPError(kind: .transport(reason), route: "GET \(target)")
                }
            }
        }
    }
}
