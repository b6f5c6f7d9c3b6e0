/// The request log, scripted faults and rate limits.
extension SandboxState {
    func record(
        method: String, path: String, route: String?, query: [String: String], headers: [SandboxHeader],
        body: [UInt8], parts: [SandboxMultipartPart]
    ) -> Int {
        let sequence = nextRequestSequence
        nextRequestSequence += 1
        requests.append(
            SandboxRecordedRequest(
                sequence: sequence, method: method, path: path, route: route, query: query, headers: headers, body: body,
                parts: parts, status: nil, errorCode: nil, receivedAt: configuration.wallClock()))
        return sequence
    }

    func complete(sequence: Int, status: Int, errorCode: Int?, rateLimitScope: String?, answerDropped: Bool) {
        guard let index = requests.lastIndex(where: { $0.sequence == sequence }) else { return }
        requests[index].status = status
        requests[index].errorCode = errorCode
        requests[index].rateLimitScope = rateLimitScope
        requests[index].answerDropped = answerDropped
    }

    func recordedRequests() -> [SandboxRecordedRequest] { requests }

    func clearRequests() { requests.removeAll() }

    func addFault(_ fault: SandboxFault) { faults.append(fault) }

    func clearFaults() { faults.removeAll() }

    func activeFaults() -> [SandboxFault] { faults }

    /// The first fault matching the request, counting one use of it.
    func takeFault(method: String, segments: [String]) -> SandboxFault? {
        guard let index = faults.firstIndex(where: { $0.route.matches(method: method, segments: segments) }) else {
            return nil
        }
        let fault = faults[index]
        if let count = fault.count {
            if count <= 1 {
                faults.remove(at: index)
            } else {
                faults[index].count = count - 1
            }
        }
        return fault
    }

    func addRateLimitRule(_ rule: SandboxRateLimitRule) { rateLimiter.rules.append(rule) }

    func setGlobalRateLimit(_ perSecond: Int?) { rateLimiter.globalPerSecond = perSecond }

    func admit(_ match: RouteMatch, method: String, segments: [String]) -> SandboxRateLimiter.Decision {
        rateLimiter.admit(match, method: method, segments: segments, global: globalScope(of: match), now: clock.now)
    }

    /// Discord: "Interaction endpoints are not bound to the bot's Global Rate Limit", and requests
    /// without an Authorization header (webhook executions by token) are limited per IP address
    /// rather than against the bot's 50 per second.
    private func globalScope(of match: RouteMatch) -> SandboxRateLimiter.GlobalScope {
        if match.endpoint.requiresBotAuth { return .bot }
        let isInteraction =
            match.endpoint == .interactionCallback
            // Follow-ups and `@original` use the webhook routes with the application id and an
            // interaction token.
            || match.parameters["webhook_id"] == configuration.applicationID
        return isInteraction ? .exempt : .unauthenticated
    }
}
