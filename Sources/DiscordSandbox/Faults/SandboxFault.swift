/// A scripted failure for requests matching a route, applied before normal handling.
package struct SandboxFault: Sendable, Hashable {
    package enum Effect: Sendable, Hashable {
        /// Answer with this status and Discord error body. For 429, `retryAfter` (seconds)
        /// fills `retry_after` and `Retry-After`, and `global` marks a global limit.
        case respond(status: Int, code: Int, message: String, retryAfter: Double? = nil, global: Bool = false)
        /// Close the connection without answering, before handling the request (nothing is stored).
        case dropConnection
        /// Handle the request normally (a message is posted, an upload stored), then close the
        /// connection without answering: the answer is lost on the way back, so the client cannot
        /// tell whether Discord acted on the request.
        case dropAfterHandling
        /// Never answer (until the sandbox stops), so the client's timeout fires.
        case hang
        /// Handle the request normally, after `delay`.
        case delayOnly
    }

    package var route: SandboxRoutePattern
    package var effect: Effect
    /// Waited on the sandbox's clock before the effect; stopping the sandbox cuts it short and
    /// drops the request.
    package var delay: Duration?
    /// How many matching requests the fault affects before normal behaviour resumes; nil = until cleared.
    package var count: Int?

    package init(route: SandboxRoutePattern, effect: Effect, delay: Duration? = nil, count: Int? = 1) {
        self.route = route
        self.effect = effect
        self.delay = delay
        self.count = count
    }

    package init(
        _ route: String, effect: Effect, delay: Duration? = nil, count: Int? = 1
    ) throws(SandboxConfigurationError) {
        if let count, count < 1 {
            throw SandboxConfigurationError("fault count must be at least 1 (or nil for unlimited), got \(count)")
        }
        if case .respond(let status, _, _, _, _) = effect, !(100...599).contains(status) {
            throw SandboxConfigurationError("fault status must be an HTTP status between 100 and 599, got \(status)")
        }
        self.init(route: try SandboxRoutePattern(route), effect: effect, delay: delay, count: count)
    }

    /// A Discord error answer, e.g. `.error("POST /channels/*/webhooks", status: 500, code: 0, message: "500: Internal Server Error")`.
    package static func error(
        _ route: String, status: Int, code: Int, message: String, count: Int? = 1
    ) throws(SandboxConfigurationError) -> SandboxFault {
        try SandboxFault(route, effect: .respond(status: status, code: code, message: message), count: count)
    }

    /// A 429 with the given `retry_after`.
    package static func rateLimited(
        _ route: String, retryAfter: Double, global: Bool = false, count: Int? = 1
    ) throws(SandboxConfigurationError) -> SandboxFault {
        try SandboxFault(
            route,
            effect: .respond(
                status: 429, code: 0, message: "You are being rate limited.", retryAfter: retryAfter, global: global),
            count: count)
    }
}
