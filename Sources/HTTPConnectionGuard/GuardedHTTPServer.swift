import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

extension HTTPServerBuilder {
    /// HTTP/1.1 with `limits` enforced on every connection: the read deadline and the 503 cap by
    /// `ConnectionGuardHandler`, keep-alive idleness by Hummingbird's own idle timeout. Pair it
    /// with `ApplicationConfiguration.limitingAccepts(to:logger:)` so descriptors stay bounded.
    package static func guarded(by limits: HTTPConnectionLimits, gauge: HTTPConnectionGauge) -> HTTPServerBuilder {
        .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [ConnectionGuardHandler(limits: limits, gauge: gauge)],
                idleTimeout: TimeAmount(limits.idleTimeout)
            )
        )
    }
}

extension ApplicationConfiguration {
    /// Stops accepting once `limits.acceptLimit` connections are open (the served ones plus those
    /// being answered 503), so no client behaviour can use more descriptors than that.
    package func limitingAccepts(to limits: HTTPConnectionLimits, logger: Logger) -> ApplicationConfiguration {
        var configuration = self
        configuration.availableConnectionsDelegate = MaximumAvailableConnections(limits.acceptLimit, logger: logger)
        return configuration
    }
}
