/// A configured bucket: requests matching `route` share `limit` requests per window,
/// counted separately per major parameter (channel, guild, webhook), as Discord does.
/// Routes matched by one rule share a bucket hash, like Discord's shared buckets.
package struct SandboxRateLimitRule: Sendable, Hashable {
    package var route: SandboxRoutePattern
    package var rate: SandboxRateLimit

    package init(route: SandboxRoutePattern, rate: SandboxRateLimit) {
        self.route = route
        self.rate = rate
    }

    package init(_ route: String, limit: Int, per window: Duration) throws(SandboxConfigurationError) {
        guard limit > 0 else {
            throw SandboxConfigurationError("rate limit for '\(route)' must allow at least 1 request, got \(limit)")
        }
        guard window > .zero else {
            throw SandboxConfigurationError("rate limit window for '\(route)' must be longer than zero")
        }
        self.init(route: try SandboxRoutePattern(route), rate: SandboxRateLimit(limit: limit, window: window))
    }
}
