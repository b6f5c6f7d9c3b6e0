import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The process's service group: the application plus the other long-running services
/// (the scheduler…), shut down gracefully on SIGTERM or SIGINT.
///
/// ServiceLifecycle shuts services down in reverse order, so the application is listed last: it
/// stops taking interactions first, and its follow-up drain (`FollowUpDrainService`) finishes the
/// interactions answered "deferred" while the scheduler still runs; then the scheduler stops.
///
/// One budget bounds the whole shutdown: `grace` (`CASTBOT_SHUTDOWN_GRACE_SECONDS`, 10 s by
/// default). The follow-up drain and the scheduler's grace period are each given `grace` too, but
/// the group cancels whatever is still running once `grace` has passed since the signal, so the
/// phases share it rather than add up. Cancelled services still finish quickly: the server closes
/// its connections, the drain and the scheduler log what they cut off, and the state is saved.
/// Stalled HTTP connections never hold shutdown up to `grace`: their read deadline closes them.
package enum CastBotServices {
    package static func serviceGroup(
        application: some ApplicationProtocol,
        alongside services: [any Service],
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        grace: Duration = CastBotConfiguration.defaultShutdownGrace,
        logger: Logger
    ) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(
            services: services + [application],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = grace
        return ServiceGroup(configuration: configuration)
    }
}
