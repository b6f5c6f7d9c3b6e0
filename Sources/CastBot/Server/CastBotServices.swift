public import Hummingbird
public import Logging
public import ServiceLifecycle
public import UnixSignals

/// The process's service group: the application plus the other long-running services
/// (scheduler, sandbox…), shut down gracefully on SIGTERM or SIGINT.
public enum CastBotServices {
    /// Shutdown goes in reverse order, so the application is listed last: it stops taking
    /// interactions and runs the shutdown hooks while the other services still run.
    public static func serviceGroup(
        application: some ApplicationProtocol,
        alongside services: [any Service],
        shutdownPolicy: ShutdownPolicy,
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        logger: Logger
    ) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(
            services: services + [application],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger
        )
        // Backstop in real time beyond the hooks' own budgets: a service that ignores graceful
        // shutdown is cancelled rather than keeping the process alive.
        configuration.maximumGracefulShutdownDuration = shutdownPolicy.drainTimeout + shutdownPolicy.persistTimeout + .seconds(10)
        return ServiceGroup(configuration: configuration)
    }
}
