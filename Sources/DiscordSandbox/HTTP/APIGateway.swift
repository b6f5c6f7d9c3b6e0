import Logging

/// Discord's request pipeline in Discord's order: edge checks (size, User-Agent), routing,
/// scripted faults, authentication, rate limits, then the handler. Every request is recorded
/// with the answer it got.
struct APIGateway: Sendable {
    let sandbox: DiscordSandbox

    private var state: SandboxState { sandbox.state }
    private var configuration: SandboxConfiguration { sandbox.configuration }

    /// The reply, or nil when a fault drops the connection.
    func serve(_ exchange: SandboxExchange) async -> SandboxReply? {
        let segments = Array(exchange.segments.dropFirst(2))
        let lookup = RouteLookup.resolve(method: exchange.method, segments: segments)
        var route: RouteMatch?
        if case .matched(let match) = lookup { route = match }
        let parts = multipartParts(exchange)
        let sequence = await state.record(
            method: exchange.method, path: exchange.path, route: route?.endpoint.routeName, query: exchange.query,
            headers: exchange.headers, body: exchange.bodyBytes, parts: (try? parts.get()) ?? [])
        let outcome = await answer(exchange, segments: segments, lookup: lookup, parts: parts)
        let delivered: SandboxReply?
        switch outcome {
        case .reply(let reply):
            await state.complete(
                sequence: sequence, status: reply.status, errorCode: reply.errorCode, rateLimitScope: reply.rateLimitScope,
                answerDropped: false)
            delivered = reply
        case .dropAfterHandling(let reply):
            await state.complete(
                sequence: sequence, status: reply.status, errorCode: reply.errorCode, rateLimitScope: reply.rateLimitScope,
                answerDropped: true)
            delivered = nil
        case .drop:
            delivered = nil
        }
        sandbox.logger.debug(
            "sandbox request",
            metadata: [
                "method": "\(exchange.method)", "route": "\(route?.endpoint.routeName ?? "unknown")",
                "status": "\(delivered.map { String($0.status) } ?? "dropped")",
            ])
        return delivered
    }

    private enum Outcome {
        case reply(SandboxReply)
        /// Handled, but the connection is closed instead of answering.
        case dropAfterHandling(SandboxReply)
        /// Closed without handling.
        case drop
    }

    private func multipartParts(_ exchange: SandboxExchange) -> Result<[SandboxMultipartPart]?, MultipartBody.MalformedError> {
        guard case .complete(let bytes) = exchange.body, let contentType = exchange.headers.value(of: "Content-Type"),
            MultipartBody.isMultipart(contentType)
        else { return .success(nil) }
        do throws(MultipartBody.MalformedError) {
            return .success(try MultipartBody.parse(contentType: contentType, body: bytes))
        } catch {
            return .failure(error)
        }
    }

    private func answer(
        _ exchange: SandboxExchange, segments: [String], lookup: RouteLookup,
        parts: Result<[SandboxMultipartPart]?, MultipartBody.MalformedError>
    ) async -> Outcome {
        guard case .complete = exchange.body else { return .reply(.error(.requestEntityTooLarge)) }
        if configuration.requiresDiscordBotUserAgent,
            !(exchange.headers.value(of: "User-Agent")?.hasPrefix("DiscordBot") ?? false)
        {
            return .reply(.error(.blockedUserAgent))
        }
        let match: RouteMatch
        switch lookup {
        case .notFound: return .reply(.error(.notFound))
        case .methodNotAllowed: return .reply(.error(.methodNotAllowed))
        case .matched(let found): match = found
        }
        var dropsAnswer = false
        if let fault = await state.takeFault(method: exchange.method, segments: segments) {
            switch await apply(fault) {
            case .proceed: break
            case .proceedThenDrop: dropsAnswer = true
            case .reply(let reply): return .reply(reply)
            case .drop: return .drop
            }
        }
        let reply = await handle(exchange, match: match, segments: segments, parts: parts)
        return dropsAnswer ? .dropAfterHandling(reply) : .reply(reply)
    }

    /// Authentication, rate limits, then the route's handler.
    private func handle(
        _ exchange: SandboxExchange, match: RouteMatch, segments: [String],
        parts: Result<[SandboxMultipartPart]?, MultipartBody.MalformedError>
    ) async -> SandboxReply {
        if match.endpoint.requiresBotAuth,
            exchange.headers.value(of: "Authorization") != "Bot \(configuration.botToken)"
        {
            return .error(.unauthorized)
        }
        let parsedParts: [SandboxMultipartPart]?
        switch parts {
        case .success(let value): parsedParts = value
        case .failure(let error):
            return .error(.invalidField([], code: "MULTIPART_MALFORMED", message: error.reason))
        }
        var rateHeaders: [SandboxHeader] = []
        switch await state.admit(match, method: exchange.method, segments: segments) {
        case .allowed(let bucket):
            rateHeaders = bucket.headers(wallNow: configuration.wallClock())
        case .limited(let bucket, let retryAfter):
            return .error(
                RateLimitResponse.error(
                    retryAfter: retryAfter.seconds, global: false, bucket: bucket, wallNow: configuration.wallClock()))
        case .globallyLimited(let retryAfter):
            return .error(
                RateLimitResponse.error(
                    retryAfter: retryAfter.seconds, global: true, bucket: nil, wallNow: configuration.wallClock()))
        }
        let call = SandboxCall(
            match: match, query: exchange.query, headers: exchange.headers, body: exchange.bodyBytes, parts: parsedParts,
            origin: exchange.origin)
        var reply = await state.handle(call)
        reply.headers += rateHeaders
        return reply
    }

    private enum FaultOutcome {
        case proceed
        case proceedThenDrop
        case reply(SandboxReply)
        case drop
    }

    private func apply(_ fault: SandboxFault) async -> FaultOutcome {
        if let delay = fault.delay, await !sandbox.hangGate.sleep(for: delay, on: sandbox.clock) {
            // The sandbox is stopping (or the request was cancelled): no answer.
            return .drop
        }
        switch fault.effect {
        case .delayOnly:
            return .proceed
        case .dropConnection:
            return .drop
        case .dropAfterHandling:
            return .proceedThenDrop
        case .hang:
            await sandbox.hangGate.wait()
            return .drop
        case .respond(let status, let code, let message, let retryAfter, let global):
            if status == 429 {
                return .reply(
                    .error(
                        RateLimitResponse.error(
                            retryAfter: retryAfter ?? 1, global: global, bucket: nil, wallNow: configuration.wallClock())))
            }
            return .reply(.error(SandboxAPIError(status: status, code: code, message: message)))
        }
    }
}
