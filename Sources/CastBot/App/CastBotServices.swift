public import Hummingbird
public import Logging
public import ServiceLifecycle
public import UnixSignals

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
public enum CastBotServices {
    public static func serviceGroup(
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

/// Part of the application: once the HTTP server has stopped (graceful shutdown goes in reverse
/// order and this service is listed before the server), waits for the follow-ups of interactions
/// answered "deferred" to be delivered, at most `timeout` on the injected clock; what is still
/// running then is cancelled and counted in the log.
struct FollowUpDrainService: Service, CustomStringConvertible {
    let handler: any InteractionHandler
    let timeout: Duration
    let clock: any Clock<Duration>
    let logger: Logger

    var description: String { "FollowUpDrainService" }

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled rather than shut down gracefully: nothing may wait any more
        }
        let pending = handler.pendingWorkCount
        logger.info("graceful shutdown: finishing deferred interactions", metadata: ["pending": "\(pending)"])
        let handler = handler
        // nil: everything finished; otherwise how many were still running when time was up.
        let cutOff: Int? = await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                await handler.finishPendingWork()
                return nil
            }
            group.addTask { [clock, timeout] in
                do {
                    try await InjectedClock.sleep(on: clock, for: timeout)
                    return handler.pendingWorkCount
                } catch {
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let cutOff {
            logger.warning(
                "graceful shutdown: deferred interactions still running were cut off",
                metadata: ["timeout": "\(timeout)", "cut_off": "\(cutOff)"])
        } else {
            logger.info("graceful shutdown: deferred interactions finished")
        }
    }
}
